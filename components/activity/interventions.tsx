"use client";

import { recordInterventionAction } from "@/lib/requests/intervention-actions";
import type { InterventionRow } from "@/lib/requests/intervention-queries";
import { COORDINATION_INTERVENTION_KINDS, INTERVENTION_KIND_LABELS, TEAM_INTERVENTION_KINDS } from "@/lib/labels";
import { formatCalendarDay } from "@/lib/time";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { TitledCard } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";

/**
 * « Interventions »: what the teams (and the coordination) did for the patient — typed, dated, with
 * its duration — latest first, and the form to record one: a team on its referral (`referralId`),
 * the coordination on the request (`requestId`). Read-only without either (the GP's page).
 */
export function Interventions({
  interventions,
  requestId,
  referralId,
  today,
}: {
  interventions: InterventionRow[];
  requestId?: string;
  referralId?: string;
  today?: string;
}) {
  const total = interventions.reduce((sum, i) => sum + i.minutes, 0);
  return (
    <TitledCard level={3} title="Interventions" id="interventions">
      <div className="flex flex-col gap-3">
        {interventions.length === 0 ? (
          <p className="text-slate-700">Aucune intervention enregistrée.</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {interventions.length} intervention{interventions.length > 1 ? "s" : ""}, {formatMinutes(total)} en tout.
            </p>
            <ul className="flex flex-col gap-2" aria-label="Interventions enregistrées">
              {interventions.map((i) => (
                <li key={i.id} className="rounded-md border border-slate-300 p-2 text-sm">
                  <p className="font-medium text-slate-900">
                    {INTERVENTION_KIND_LABELS[i.kind]} le {formatCalendarDay(i.day)} — {formatMinutes(i.minutes)}
                  </p>
                  <p className="text-slate-700">
                    {i.structureName ?? "Coordination"} · {i.recordedBy}
                  </p>
                  {i.note ? <p className="whitespace-pre-line text-slate-800">{i.note}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
        {(requestId || referralId) && today ? <InterventionForm requestId={requestId} referralId={referralId} today={today} /> : null}
      </div>
    </TitledCard>
  );
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

function InterventionForm({ requestId, referralId, today }: { requestId?: string; referralId?: string; today: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(recordInterventionAction);
  useFocusFirstError(state, formElement);
  const kinds = referralId ? TEAM_INTERVENTION_KINDS : COORDINATION_INTERVENTION_KINDS;
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Enregistrer une intervention" className="flex flex-col gap-3">
      {requestId ? <input type="hidden" name="requestId" value={requestId} /> : null}
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      <FormBanner state={state} />
      <SelectField
        id="intervention-kind"
        name="kind"
        label="Type d'intervention"
        placeholder="Choisir…"
        options={kinds.map((k) => ({ value: k, label: INTERVENTION_KIND_LABELS[k] }))}
        errors={errors.kind}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="intervention-day" name="day" type="date" label="Date" max={today} defaultValue={today} errors={errors.day} required />
        <TextField
          id="intervention-minutes"
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          label="Durée (minutes)"
          errors={errors.minutes}
          required
        />
      </div>
      <TextAreaField id="intervention-note" name="note" label="Précisions (facultatif)" rows={2} maxLength={1000} errors={errors.note} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer l'intervention"}
        </Button>
      </div>
    </form>
  );
}
