import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

// A labelled input whose errors are tied to it (aria-describedby) and announced.
export function TextField({ name, label, errors, hint, id, className = "", ...props }: Props) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy}
        className={`min-h-11 rounded-md border px-3 py-2 text-base text-slate-900 ${hasError ? "border-red-700" : "border-slate-500"}`}
        {...props}
      />
      {hasError ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
