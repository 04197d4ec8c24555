import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

// A titled group of a long form (a card with its legend), with the group's own error under it
// (`id` ties it: aria-describedby). Used by the structure and territory forms.
export function Section({ legend, children, id, errors, hint }: { legend: string; children: ReactNode; id?: string; errors?: string[]; hint?: string }) {
  const errorId = id ? `${id}-error` : undefined;
  return (
    // min-w-0: a fieldset is as wide as its content by default; the offers grid must scroll instead.
    <Card as="fieldset" id={id} aria-describedby={errors?.length ? errorId : undefined} className="flex min-w-0 flex-col gap-4">
      <legend className="px-1 text-lg font-semibold text-slate-900">{legend}</legend>
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {children}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </Card>
  );
}
