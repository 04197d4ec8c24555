"use client";

import { useState } from "react";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { CommuneField } from "@/components/forms/commune-field";

type Commune = Pick<CommuneOption, "code" | "name" | "postalCodes" | "departmentCode">;

/**
 * A list of communes built one at a time with the commune autocomplete: each choice is added below
 * (with a button to remove it) and the field is cleared for the next. The codes go in hidden
 * inputs named `name`.
 */
export function CommuneListField({
  name,
  legend,
  hint,
  initial,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  initial: Commune[];
  errors?: string[];
}) {
  const [communes, setCommunes] = useState<Commune[]>(initial);
  // A new key remounts the autocomplete, empty, after each choice.
  const [round, setRound] = useState(0);
  const id = `field-${name}`;
  const hasError = Boolean(errors?.length);
  return (
    <fieldset id={id} aria-describedby={hasError ? `${id}-error` : undefined} className="flex flex-col gap-2">
      <legend className="mb-1 font-medium text-slate-900">{legend}</legend>
      <CommuneField
        key={round}
        name={`${name}-search`}
        label="Ajouter une commune"
        hint={hint}
        onSelect={(option) => {
          if (!option) return;
          setCommunes((list) => (list.some((c) => c.code === option.code) ? list : [...list, option]));
          setRound((r) => r + 1);
        }}
      />
      {communes.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={`${legend} : ${communes.length} commune${communes.length > 1 ? "s" : ""}`}>
          {communes.map((c) => (
            <li key={c.code} className="flex items-center gap-1 rounded-full border border-slate-400 bg-slate-50 py-0.5 pr-1 pl-3 text-sm">
              {c.name} ({c.postalCodes[0] ?? c.departmentCode})
              <input type="hidden" name={name} value={c.code} />
              <button
                type="button"
                onClick={() => setCommunes((list) => list.filter((x) => x.code !== c.code))}
                className="inline-flex size-8 items-center justify-center rounded-full text-slate-800 hover:bg-slate-200"
                aria-label={`Retirer ${c.name}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">Aucune commune listée.</p>
      )}
      {hasError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
