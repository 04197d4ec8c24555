import type { TextareaHTMLAttributes } from "react";
import { borderClass, FieldShell } from "@/components/ui/field-shell";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; errors?: string[]; hint?: string };

// A labelled multi-line field, errors tied to it like TextField's. `id` when the same field name
// stands in several forms of one page.
export function TextAreaField({ name, label, errors, hint, id, className = "", ...props }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <textarea
          id={control.id}
          name={name}
          rows={4}
          aria-invalid={control.hasError || undefined}
          aria-describedby={control.describedBy}
          className={`rounded-md border px-3 py-2 text-base text-slate-900 ${borderClass(control.hasError)}`}
          {...props}
        />
      )}
    </FieldShell>
  );
}
