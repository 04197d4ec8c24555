"use client";

import { useState } from "react";
import { DECLINE_REASON_LABELS, type REFERRAL_STATUS_LABELS } from "@/lib/labels";
import {
  acceptReferralAction,
  addReferralNoteAction,
  completeReferralAction,
  declineReferralAction,
  recordFirstContactAction,
} from "@/lib/referrals/team-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SelectField } from "@/components/ui/select-field";
import { ActionOutcome, FormBanner, isOutcomeShown, useActionForm, type OutcomeMessage } from "@/components/forms/action-form";
import { TitledCard } from "@/components/ui/card";

type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS;
type Ref = { referralId: string; version: number };

function Hidden({ referralId, version }: Ref) {
  return (
    <>
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function AcceptForm({ refs }: { refs: Ref }) {
  // The confirmation goes to the panel: the form itself usually gives way once the referral changed.
  const { formElement, onSubmit, pending, state } = useActionForm(acceptReferralAction, { announce: true });
  return (
    <TitledCard level={3} title="Accepter" id="panel-accepter">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {state && !state.ok ? <FormBanner state={state} /> : null}
        <p className="text-slate-700">Votre équipe prend en charge ce patient : la coordination et le médecin en sont informés.</p>
        <Hidden {...refs} />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Accepter l'orientation"}
        </Button>
      </form>
    </TitledCard>
  );
}

const DECLINE_OPTIONS = Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }));

function DeclineForm({ refs }: { refs: Ref }) {
  // The confirmation goes to the panel: the form itself usually gives way once the referral changed.
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(declineReferralAction, { announce: true });
  return (
    <TitledCard level={3} title="Refuser" id="panel-refuser">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {state && !state.ok ? <FormBanner state={state} /> : null}
        <Hidden {...refs} />
        <SelectField
          name="reason"
          label="Motif du refus"
          placeholder="Choisir un motif…"
          options={DECLINE_OPTIONS}
          defaultValue=""
          required
          errors={fieldErrors.reason}
        />
        <TextAreaField
          name="details"
          label="Précisions"
          hint="Obligatoires pour « Autre motif ». Lues par la coordination et par le médecin adresseur."
          rows={3}
          maxLength={1000}
          errors={fieldErrors.details}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Enregistrement…" : "Refuser l'orientation"}
        </Button>
      </form>
    </TitledCard>
  );
}

function FirstContactForm({ refs, today, minDay }: { refs: Ref; today: string; minDay: string }) {
  // The confirmation goes to the panel: the form itself usually gives way once the referral changed.
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(recordFirstContactAction, { announce: true });
  return (
    <TitledCard level={3} title="Premier contact" id="panel-premier-contact">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {state && !state.ok ? <FormBanner state={state} /> : null}
        <Hidden {...refs} />
        <TextField
          name="contactDate"
          label="Date du premier contact"
          type="date"
          defaultValue={today}
          min={minDay}
          max={today}
          required
          hint="Le jour où l'équipe a joint ou vu le patient."
          errors={fieldErrors.contactDate}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer le premier contact"}
        </Button>
      </form>
    </TitledCard>
  );
}

const NOTE_KINDS = [
  { value: "INTERVENTION", label: "Note d'intervention", hint: "Pour la coordination et votre équipe" },
  { value: "FEEDBACK", label: "Retour au médecin", hint: "Le médecin adresseur la lit dans le suivi de sa demande" },
];

function NoteForm({ refs }: { refs: Ref }) {
  // The confirmation goes to the panel: the form itself usually gives way once the referral changed.
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(addReferralNoteAction, { announce: true });
  return (
    <TitledCard level={3} title="Ajouter une note" id="panel-note">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {state && !state.ok ? <FormBanner state={state} /> : null}
        <Hidden {...refs} />
        <ChoiceGroup name="kind" legend="Type de note" type="radio" options={NOTE_KINDS} defaultValue="INTERVENTION" columns={2} errors={fieldErrors.kind} />
        <TextAreaField name="body" label="Note" rows={4} maxLength={4000} required errors={fieldErrors.body} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Ajouter la note"}
        </Button>
      </form>
    </TitledCard>
  );
}

function CompleteForm({ refs }: { refs: Ref }) {
  // The confirmation goes to the panel: the form itself usually gives way once the referral changed.
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(completeReferralAction, { announce: true });
  return (
    <TitledCard level={3} title="Terminer l'intervention" id="panel-terminer">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {state && !state.ok ? <FormBanner state={state} /> : null}
        <Hidden {...refs} />
        <TextAreaField
          name="feedback"
          label="Retour pour le médecin"
          hint="Ce que l'équipe a fait, ce qui est en place, ce que le médecin doit savoir."
          rows={5}
          maxLength={4000}
          required
          errors={fieldErrors.feedback}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Terminer l'intervention"}
        </Button>
      </form>
    </TitledCard>
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
    <ActionOutcome.Provider value={setFlash}>
      <div className="flex flex-col gap-4">
        {isOutcomeShown(flash, version) ? <Alert tone="success">{flash.message}</Alert> : null}
        {canStart && status === "PROPOSED" ? (
          <div className="grid items-start gap-4 md:grid-cols-2">
            <AcceptForm refs={refs} />
            <DeclineForm refs={refs} />
          </div>
        ) : null}
        {canWrite ? (
          <div className="grid items-start gap-4 md:grid-cols-2">
            {canStart && status === "ACCEPTED" ? <FirstContactForm refs={refs} today={today} minDay={minContactDay} /> : null}
            {status === "IN_PROGRESS" ? <CompleteForm refs={refs} /> : null}
            <NoteForm refs={refs} />
          </div>
        ) : null}
      </div>
    </ActionOutcome.Provider>
  );
}
