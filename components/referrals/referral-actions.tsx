"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import { DECLINE_REASON_LABELS, type REFERRAL_STATUS_LABELS } from "@/lib/labels";
import { acceptReferralAction, addReferralNoteAction, completeReferralAction, declineReferralAction, recordFirstContactAction } from "@/lib/referrals/team-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ChoiceGroup } from "@/components/requests/choice-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SelectField } from "@/components/ui/select-field";
import { isOutcomeShown, sentVersionOf, type OutcomeMessage } from "@/components/coordination/use-action-form";

type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;
type ServerAction = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
type Ref = { referralId: string; version: number };

// One form bound to one server action. Submitted by hand (not through <form action>) so that a
// refused submission keeps what the user typed; cleared only on success. The success message is
// lifted to the panel: the form itself usually disappears once the referral changed state.
// The flash waits for the page of the referral's next version (see OutcomeMessage): the action
// returns before the refreshed page is on screen.
function useReferralForm(action: ServerAction, setFlash: (outcome: OutcomeMessage | null) => void) {
  const [state, dispatch, pending] = useActionState(async (previous: ActionResult | null, submitted: { form: HTMLFormElement; data: FormData }) => {
    const result = await action(previous, submitted.data);
    if (result.ok) {
      submitted.form.reset();
      setFlash({ message: result.message ?? "Enregistré.", sentVersion: sentVersionOf(submitted.data) });
    }
    return result;
  }, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFlash(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(() => dispatch({ form, data }));
  };
  const errors = state && !state.ok ? state : null;
  return { onSubmit, pending, errors, fieldErrors: errors?.fieldErrors ?? {} };
}

function FormError({ result }: { result: Extract<ActionResult, { ok: false }> | null }) {
  const router = useRouter();
  if (!result) return null;
  return (
    <Alert tone="error">
      <p>{result.message}</p>
      {result.code === "CONFLICT" || result.code === "INVALID_TRANSITION" ? (
        <button type="button" onClick={() => router.refresh()} className="mt-2 min-h-11 font-medium underline">
          Recharger la page
        </button>
      ) : null}
    </Alert>
  );
}

function Hidden({ referralId, version }: Ref) {
  return (
    <>
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
      <h3 id={id} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

function AcceptForm({ refs, onSuccess }: { refs: Ref; onSuccess: (m: OutcomeMessage | null) => void }) {
  const f = useReferralForm(acceptReferralAction, onSuccess);
  return (
    <Panel title="Accepter" id="panel-accepter">
      <form onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
        <FormError result={f.errors} />
        <p className="text-slate-700">Votre équipe prend en charge ce patient : la coordination et le médecin en sont informés.</p>
        <Hidden {...refs} />
        <Button type="submit" disabled={f.pending}>
          {f.pending ? "Enregistrement…" : "Accepter l'orientation"}
        </Button>
      </form>
    </Panel>
  );
}

const DECLINE_OPTIONS = Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }));

function DeclineForm({ refs, onSuccess }: { refs: Ref; onSuccess: (m: OutcomeMessage | null) => void }) {
  const f = useReferralForm(declineReferralAction, onSuccess);
  return (
    <Panel title="Refuser" id="panel-refuser">
      <form onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
        <FormError result={f.errors} />
        <Hidden {...refs} />
        <SelectField name="reason" label="Motif du refus" placeholder="Choisir un motif…" options={DECLINE_OPTIONS} defaultValue="" required errors={f.fieldErrors.reason} />
        <TextAreaField name="details" label="Précisions" hint="Obligatoires pour « Autre motif ». Lues par la coordination et par le médecin adresseur." rows={3} maxLength={1000} errors={f.fieldErrors.details} />
        <Button type="submit" variant="danger" disabled={f.pending}>
          {f.pending ? "Enregistrement…" : "Refuser l'orientation"}
        </Button>
      </form>
    </Panel>
  );
}

function FirstContactForm({ refs, today, minDay, onSuccess }: { refs: Ref; today: string; minDay: string; onSuccess: (m: OutcomeMessage | null) => void }) {
  const f = useReferralForm(recordFirstContactAction, onSuccess);
  return (
    <Panel title="Premier contact" id="panel-premier-contact">
      <form onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
        <FormError result={f.errors} />
        <Hidden {...refs} />
        <TextField name="contactDate" label="Date du premier contact" type="date" defaultValue={today} min={minDay} max={today} required hint="Le jour où l'équipe a joint ou vu le patient." errors={f.fieldErrors.contactDate} />
        <Button type="submit" disabled={f.pending}>
          {f.pending ? "Enregistrement…" : "Enregistrer le premier contact"}
        </Button>
      </form>
    </Panel>
  );
}

const NOTE_KINDS = [
  { value: "INTERVENTION", label: "Note d'intervention", hint: "Pour la coordination et votre équipe" },
  { value: "FEEDBACK", label: "Retour au médecin", hint: "Le médecin adresseur la lit dans le suivi de sa demande" },
];

function NoteForm({ refs, onSuccess }: { refs: Ref; onSuccess: (m: OutcomeMessage | null) => void }) {
  const f = useReferralForm(addReferralNoteAction, onSuccess);
  return (
    <Panel title="Ajouter une note" id="panel-note">
      <form onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
        <FormError result={f.errors} />
        <Hidden {...refs} />
        <ChoiceGroup name="kind" legend="Type de note" type="radio" options={NOTE_KINDS} defaultValue="INTERVENTION" columns={2} errors={f.fieldErrors.kind} />
        <TextAreaField name="body" label="Note" rows={4} maxLength={4000} required errors={f.fieldErrors.body} />
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {f.pending ? "Enregistrement…" : "Ajouter la note"}
        </Button>
      </form>
    </Panel>
  );
}

function CompleteForm({ refs, onSuccess }: { refs: Ref; onSuccess: (m: OutcomeMessage | null) => void }) {
  const f = useReferralForm(completeReferralAction, onSuccess);
  return (
    <Panel title="Terminer l'intervention" id="panel-terminer">
      <form onSubmit={f.onSubmit} noValidate className="flex flex-col gap-3">
        <FormError result={f.errors} />
        <Hidden {...refs} />
        <TextAreaField
          name="feedback"
          label="Retour pour le médecin"
          hint="Ce que l'équipe a fait, ce qui est en place, ce que le médecin doit savoir."
          rows={5}
          maxLength={4000}
          required
          errors={f.fieldErrors.feedback}
        />
        <Button type="submit" disabled={f.pending}>
          {f.pending ? "Enregistrement…" : "Terminer l'intervention"}
        </Button>
      </form>
    </Panel>
  );
}

// What the team can do now, for the referral's current state (the server checks it again).
export function ReferralActions({
  referralId,
  version,
  status,
  requestOpen,
  today,
  minContactDay,
}: {
  referralId: string;
  version: number;
  status: ReferralStatus;
  requestOpen: boolean;
  today: string;
  minContactDay: string;
}) {
  const [flash, setFlash] = useState<OutcomeMessage | null>(null);
  const refs = { referralId, version };
  const canStart = requestOpen && (status === "PROPOSED" || status === "ACCEPTED");
  const canWrite = status === "ACCEPTED" || status === "IN_PROGRESS";
  return (
    <div className="flex flex-col gap-4">
      {isOutcomeShown(flash, version) ? <Alert tone="success">{flash.message}</Alert> : null}
      {canStart && status === "PROPOSED" ? (
        <div className="grid items-start gap-4 md:grid-cols-2">
          <AcceptForm refs={refs} onSuccess={setFlash} />
          <DeclineForm refs={refs} onSuccess={setFlash} />
        </div>
      ) : null}
      {canWrite ? (
        <div className="grid items-start gap-4 md:grid-cols-2">
          {canStart && status === "ACCEPTED" ? <FirstContactForm refs={refs} today={today} minDay={minContactDay} onSuccess={setFlash} /> : null}
          {status === "IN_PROGRESS" ? <CompleteForm refs={refs} onSuccess={setFlash} /> : null}
          <NoteForm refs={refs} onSuccess={setFlash} />
        </div>
      ) : null}
    </div>
  );
}
