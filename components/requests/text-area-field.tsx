import type { TextareaHTMLAttributes } from "react";

// A labelled multi-line field, errors tied to it like TextField's.
export function TextAreaField({ name, label, errors, hint, className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; errors?: string[]; hint?: string }) {
  const id = `field-${name}`;
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
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy}
        className={`rounded-md border px-3 py-2 text-base text-slate-900 ${hasError ? "border-red-700" : "border-slate-500"}`}
        {...props}
      />
      {hasError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
