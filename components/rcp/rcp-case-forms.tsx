"use client";

import { addRcpCaseAction, recordRcpCaseAction } from "@/lib/rcp/actions";
import { requestNumberLabel } from "@/lib/labels";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";

/** Puts an open request of the territory on the meeting's agenda, with the question asked. */
export function AddRcpCaseForm({ meetingId, candidates }: { meetingId: string; candidates: { id: string; number: number; patientName: string }[] }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(addRcpCaseAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Inscrire une demande à l'ordre du jour" className="flex flex-col gap-3">
      <FormBanner state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SelectField
        id="rcp-request"
        name="requestId"
        label="Demande"
        placeholder="Choisir…"
        options={candidates.map((c) => ({ value: c.id, label: `${requestNumberLabel(c.number)} — ${c.patientName}` }))}
        errors={errors.requestId}
        required
      />
      <TextAreaField
        id="rcp-question"
        name="question"
        label="Question posée à la RCP"
        hint="Ex. poursuite de l'hydratation ? relais HAD ou EMSP ?"
        rows={2}
        maxLength={1000}
        errors={errors.question}
        required
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Inscription…" : "Inscrire à l'ordre du jour"}
        </Button>
      </div>
    </form>
  );
}

/** What the RCP said of a case: participants, summary, up to three decisions, next review. */
export function RecordRcpCaseForm({
  caseId,
  meetingId,
  label,
  responsibles,
}: {
  caseId: string;
  meetingId: string;
  label: string;
  responsibles: { id: string; name: string }[];
}) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(recordRcpCaseAction);
  useFocusFirstError(state, formElement);
  const who = [{ value: "COORDINATION", label: "Coordination" }, ...responsibles.map((s) => ({ value: s.id, label: s.name }))];
  const id = (name: string) => `rcp-${caseId}-${name}`;
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label={`Enregistrer la discussion : ${label}`} className="flex flex-col gap-3">
      <FormBanner state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextAreaField id={id("participants")} name="participants" label="Participants" rows={2} maxLength={1000} errors={errors.participants} required />
      <TextAreaField id={id("summary")} name="summary" label="Synthèse de la discussion" rows={4} maxLength={4000} errors={errors.summary} required />
      {[1, 2, 3].map((n) => (
        <fieldset key={n} className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-medium text-slate-900">
            Décision {n}
            {n > 1 ? " (facultatif)" : ""}
          </legend>
          <TextField id={id(`action${n}`)} name={`action${n}`} label="Action" autoComplete="off" maxLength={500} errors={errors[`action${n}`]} />
          <div className="grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <SelectField id={id(`who${n}`)} name={`who${n}`} label="Qui s'en charge" placeholder="Choisir…" options={who} errors={errors[`who${n}`]} />
            <TextField id={id(`due${n}`)} name={`due${n}`} type="date" label="Échéance" errors={errors[`due${n}`]} />
          </div>
        </fieldset>
      ))}
      <TextField id={id("next")} name="nextReviewOn" type="date" label="Prochaine réévaluation (facultatif)" errors={errors.nextReviewOn} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer et envoyer la fiche de synthèse"}
        </Button>
      </div>
    </form>
  );
}
