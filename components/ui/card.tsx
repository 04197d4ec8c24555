import type { ComponentPropsWithoutRef, ElementType } from "react";

// The white framed block every page is built of (a section of a record, a form, a list item).
const PADDING = { normal: "p-4", compact: "p-3 sm:p-4", none: "" } as const;

type CardProps<T extends ElementType> = { as?: T; padding?: keyof typeof PADDING } & Omit<ComponentPropsWithoutRef<T>, "as">;

export function Card<T extends ElementType = "section">({ as, padding = "normal", className, ...props }: CardProps<T>) {
  const Tag: ElementType = as ?? "section";
  return <Tag className={["rounded-lg border border-slate-300 bg-white", PADDING[padding], className].filter(Boolean).join(" ")} {...props} />;
}
