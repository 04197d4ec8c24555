import type { ReactNode } from "react";

export type FieldControl = { id: string; describedBy: string | undefined; hasError: boolean };

// The frame every form field shares: its label, an optional hint and the errors, tied to the
// control by id and aria-describedby so that a screen reader reads them with it.
export function FieldShell({
  id,
  label,
  hint,
  errors,
  className = "",
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy, hasError })}
      {hasError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function borderClass(hasError: boolean): string {
  return hasError ? "border-red-700" : "border-slate-500";
}
