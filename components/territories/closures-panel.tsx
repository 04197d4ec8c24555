"use client";

import { addTerritoryClosureAction, removeTerritoryClosureAction } from "@/lib/territories/actions";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { Section } from "@/components/ui/form-section";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";

type Day = { day: string; label: string };

const dayFormat = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
// « 2026-12-24 » → « jeudi 24 décembre 2026 » (a calendar day: read at noon UTC, no zone shift).
const dayText = (day: string) => dayFormat.format(new Date(`${day}T12:00:00Z`));

function ClosureRow({ territoryId, closure }: { territoryId: string; closure: Day }) {
  const { formElement, onSubmit, pending, state } = useActionForm(removeTerritoryClosureAction);
  return (
    <li className="flex flex-col gap-1 border-b border-slate-200 py-2 last:border-b-0">
      <form ref={formElement} onSubmit={onSubmit} className="flex flex-wrap items-center justify-between gap-2">
        <input type="hidden" name="territoryId" value={territoryId} />
        <input type="hidden" name="day" value={closure.day} />
        <span>
          <span className="font-medium">{dayText(closure.day)}</span> — {closure.label}
        </span>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Retirer la fermeture du ${dayText(closure.day)}`}>
          Retirer
        </Button>
      </form>
      {state && !state.ok ? <FormBanner state={state} /> : null}
    </li>
  );
}

/**
 * The days a territory's coordination is closed: the French public holidays of its département for
 * the coming year (computed, nothing to enter), and the closures the team adds (a bridge day, a
 * seminar). A planned request's delays run on neither; a crisis's do.
 */
export function ClosuresPanel({ territoryId, closures, holidays }: { territoryId: string; closures: Day[]; holidays: Day[] }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(addTerritoryClosureAction);
  useFocusFirstError(state, formElement);
  return (
    <section aria-labelledby="fermetures" className="flex max-w-3xl flex-col gap-4">
      <h2 id="fermetures" className="text-xl font-semibold">
        Jours fériés et fermetures
      </h2>
      <p className="text-slate-700">
        Les délais des demandes programmées ne courent ni les jours fériés ni les jours de fermeture ; ceux des situations de crise, si.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-2 font-semibold">Fermetures à venir</h3>
          {closures.length === 0 ? (
            <p className="text-slate-700">Aucune fermeture prévue.</p>
          ) : (
            <ul>
              {closures.map((c) => (
                <ClosureRow key={c.day} territoryId={territoryId} closure={c} />
              ))}
            </ul>
          )}
        </div>
        <details className="rounded-md border border-slate-300 bg-white p-3" open>
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">Jours fériés des douze prochains mois</summary>
          <ul className="text-sm">
            {holidays.map((h) => (
              <li key={h.day}>
                {dayText(h.day)} — {h.label}
              </li>
            ))}
          </ul>
        </details>
      </div>
      <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Ajouter une fermeture" className="flex flex-col gap-4">
        <input type="hidden" name="territoryId" value={territoryId} />
        <FormBanner state={state} />
        <Section legend="Ajouter une fermeture">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="day" type="date" label="Jour de fermeture" errors={errors.day} />
            <TextField name="label" label="Motif" hint="Ex. pont de l'Ascension, séminaire d'équipe." autoComplete="off" errors={errors.label} />
          </div>
        </Section>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Enregistrement…" : "Ajouter la fermeture"}
          </Button>
        </div>
      </form>
    </section>
  );
}
