"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { setPreferencesAction } from "@/lib/notifications/actions";

export type PreferenceRow = { kind: string; label: string; mode: string };

const MODES = [
  { value: "IMMEDIATE", label: "Par e-mail, tout de suite" },
  { value: "DIGEST", label: "Dans le récapitulatif du jour" },
  { value: "APP_ONLY", label: "Dans l'application seulement" },
];

// One choice per kind of notification; the bell always shows everything.
export function PreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(setPreferencesAction, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormBanner state={state} />
      {rows.map((row) => {
        const name = `mode_${row.kind}`;
        const error = fieldErrors[name]?.[0];
        return (
          <fieldset key={row.kind} className="rounded-lg border border-slate-300 bg-white p-3" aria-describedby={error ? `${name}-erreur` : undefined}>
            <legend className="px-1 font-semibold">{row.label}</legend>
            <div className="flex flex-wrap gap-x-6">
              {MODES.map((mode) => (
                <label key={mode.value} className="inline-flex min-h-11 items-center gap-2">
                  <input type="radio" name={name} value={mode.value} defaultChecked={row.mode === mode.value} className="h-5 w-5" />
                  {mode.label}
                </label>
              ))}
            </div>
            {error ? (
              <p id={`${name}-erreur`} className="text-red-800">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <p>
        <Button type="submit" disabled={pending}>
          Enregistrer mes préférences
        </Button>
      </p>
    </form>
  );
}
