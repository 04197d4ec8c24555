import type { SelectHTMLAttributes } from "react";

// A labelled native select (the phone's own picker), errors tied to it like TextField's.
export function SelectField({
  name,
  label,
  options,
  placeholder,
  errors,
  hint,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; options: { value: string; label: string }[]; placeholder?: string; errors?: string[]; hint?: string }) {
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
      <select
        id={id}
        name={name}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900 ${hasError ? "border-red-700" : "border-slate-500"}`}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hasError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
