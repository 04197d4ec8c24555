import type { ReactNode } from "react";

// One required checkbox, its whole row clickable, its error tied to it.
export function ConsentField({ name, children, errors, defaultChecked }: { name: string; children: ReactNode; errors?: string[]; defaultChecked?: boolean }) {
  const errorId = `field-${name}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label
        className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-md border bg-white p-3 ${errors?.length ? "border-red-700" : "border-slate-400"}`}
      >
        <input
          type="checkbox"
          name={name}
          id={`field-${name}`}
          defaultChecked={defaultChecked}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? errorId : undefined}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
        />
        <span>{children}</span>
      </label>
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
