import type { SelectHTMLAttributes } from "react";
import { borderClass, FieldShell } from "@/components/ui/field-shell";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  errors?: string[];
  hint?: string;
};

// A labelled native select (the phone's own picker), errors tied to it like TextField's.
export function SelectField({ name, label, options, placeholder, errors, hint, id, className = "", ...props }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <select
          id={control.id}
          name={name}
          aria-invalid={control.hasError || undefined}
          aria-describedby={control.describedBy}
          className={`min-h-11 max-w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 ${borderClass(control.hasError)}`}
          {...props}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
