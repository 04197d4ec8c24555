import type { ComponentPropsWithoutRef, ElementType, ReactNode } from "react";

// The white framed block every page is built of (a section of a record, a form, a list item).
const PADDING = { normal: "p-4", compact: "p-3 sm:p-4", none: "" } as const;

type CardProps<T extends ElementType> = { as?: T; padding?: keyof typeof PADDING } & Omit<ComponentPropsWithoutRef<T>, "as">;

export function Card<T extends ElementType = "section">({ as, padding = "normal", className, ...props }: CardProps<T>) {
  const Tag: ElementType = as ?? "section";
  return <Tag className={["rounded-lg border border-slate-300 bg-white", PADDING[padding], className].filter(Boolean).join(" ")} {...props} />;
}

/** A card with its title, named for assistive technologies by that title (h2 on a page, h3 in a panel of actions). */
export function TitledCard({ title, id, level = 2, children }: { title: string; id: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Card aria-labelledby={id}>
      <Heading id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </Heading>
      {children}
    </Card>
  );
}
