import type { InputHTMLAttributes } from "react";
import { borderClass, FieldShell } from "@/components/ui/field-shell";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

// A labelled input whose errors are tied to it (aria-describedby) and announced.
export function TextField({ name, label, errors, hint, id, className = "", ...props }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <input
          id={control.id}
          name={name}
          aria-invalid={control.hasError || undefined}
          aria-describedby={control.describedBy}
          className={`min-h-11 rounded-md border px-3 py-2 text-base text-slate-900 ${borderClass(control.hasError)}`}
          {...props}
        />
      )}
    </FieldShell>
  );
}
