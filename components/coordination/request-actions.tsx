"use client";

import { useState } from "react";
import {
  addNoteAction,
  cancelReferralAction,
  cancelRequestAction,
  claimRequestAction,
  closeRequestAction,
  orientRequestAction,
  reopenRequestAction,
  requalifyRequestAction,
} from "@/lib/requests/coordination-actions";
import {
  CANCEL_REASON_LABELS,
  CLOSURE_OUTCOME_LABELS,
  NEED_LABELS,
  PLACE_OF_CARE_LABELS,
  URGENCY_SHORT_LABELS,
  type REQUEST_STATUS_LABELS,
} from "@/lib/labels";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SelectField } from "@/components/ui/select-field";
import { ActionOutcome, FormBanner, isOutcomeShown, RequestRef, useActionForm, type OutcomeMessage } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, TitledCard } from "@/components/ui/card";

// `suggested`: among the routing's top suggestions (components/routing/suggestions.tsx); choosing
// another structure while there are suggestions asks for a reason (lib/requests/orient-request.ts).
export type OrientChoice = { id: string; name: string; typeLabel: string; phone: string | null; hasActiveReferral: boolean; suggested?: boolean };
type Ref = { requestId: string; version: number };

function ClaimForm({ refs }: { refs: Ref }) {
  const { formElement, onSubmit, pending, state } = useActionForm(claimRequestAction, { announce: true });
  return (
    <TitledCard level={3} title="Prendre en charge" id="action-prendre">
      <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Prendre en charge">
        <FormBanner state={state} />
        <p className="text-slate-700">Vous devenez la personne qui suit cette demande : elle passe en analyse.</p>
        <RequestRef {...refs} />
        <Button type="submit" disabled={pending}>
          {pending ? "Prise en charge…" : "Prendre en charge"}
        </Button>
      </form>
    </TitledCard>
  );
}

function OrientForm({ refs, structures, hasSuggestions }: { refs: Ref; structures: OrientChoice[]; hasSuggestions: boolean }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(orientRequestAction);
  // Whether a checked structure is outside the suggestions: then the reason field shows.
  const [offSuggestion, setOffSuggestion] = useState(false);
  const onChange = () => {
    const checked = new FormData(formElement.current ?? undefined).getAll("structureIds");
    setOffSuggestion(checked.some((id) => !structures.find((s) => s.id === id)?.suggested));
  };
  const askReason = (hasSuggestions && offSuggestion) || Boolean(fieldErrors.overrideReason?.length);
  const errors = fieldErrors.structureIds;
  const hasError = Boolean(errors?.length);
  const available = structures.filter((s) => !s.hasActiveReferral).length;
  return (
    <TitledCard level={3} title="Orienter vers des structures" id="action-orienter">
      {structures.length === 0 ? (
        <p className="text-slate-700">Aucune structure active dans ce territoire : signalez-le à l&apos;administrateur du dispositif.</p>
      ) : (
        <form ref={formElement} onSubmit={onSubmit} onChange={onChange} noValidate className="flex flex-col gap-3" aria-label="Orienter la demande">
          <FormBanner state={state} />
          <RequestRef {...refs} />
          <fieldset
            aria-describedby={["field-structureIds-hint", hasError ? "field-structureIds-error" : null].filter(Boolean).join(" ")}
            className="flex flex-col gap-2"
          >
            <legend className="mb-1 font-medium text-slate-900">Structures du territoire</legend>
            <p id="field-structureIds-hint" className="text-sm text-slate-600">
              Une orientation par structure cochée ; chaque équipe accepte ou refuse.
            </p>
            {structures.map((s) => (
              <label
                key={s.id}
                className={`flex min-h-11 items-start gap-3 rounded-md border px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50 ${s.hasActiveReferral ? "cursor-not-allowed border-slate-300 bg-slate-50" : `cursor-pointer bg-white ${hasError ? "border-red-700" : "border-slate-400"}`}`}
              >
                {/* Named by the structure alone; its type, phone and state describe it. */}
                <input
                  type="checkbox"
                  name="structureIds"
                  value={s.id}
                  disabled={s.hasActiveReferral}
                  aria-labelledby={`structure-${s.id}-nom`}
                  aria-describedby={`structure-${s.id}-details`}
                  className="mt-0.5 size-5 shrink-0 accent-brand-700"
                />
                <span>
                  <span id={`structure-${s.id}-nom`} className="font-medium text-slate-900">
                    {s.name}
                  </span>
                  <span id={`structure-${s.id}-details`} className="block text-sm text-slate-700">
                    {s.typeLabel}
                    {s.phone ? ` · ${s.phone}` : ""}
                    {s.suggested ? <span className="block font-medium text-brand-800">Parmi les suggestions</span> : null}
                    {s.hasActiveReferral ? <span className="block font-medium text-slate-800">Orientation déjà en cours</span> : null}
                  </span>
                </span>
              </label>
            ))}
            {hasError ? (
              <p id="field-structureIds-error" className="text-sm font-medium text-red-700">
                {errors?.join(" ")}
              </p>
            ) : null}
          </fieldset>
          {askReason ? (
            <TextAreaField
              name="overrideReason"
              label="Motif du choix hors suggestions"
              hint="Une structure cochée n'est pas parmi les premières suggestions : dites pourquoi (enregistré avec l'orientation)."
              rows={2}
              maxLength={1000}
              required
              errors={fieldErrors.overrideReason}
            />
          ) : null}
          <TextAreaField
            name="note"
            label="Message aux équipes (facultatif)"
            hint="Lu par les équipes sollicitées et par la coordination (pas par le médecin)."
            rows={3}
            maxLength={2000}
            errors={fieldErrors.note}
          />
          <Button type="submit" disabled={pending || available === 0}>
            {pending ? "Envoi…" : "Orienter la demande"}
          </Button>
        </form>
      )}
    </TitledCard>
  );
}

function NoteForm({ refs }: { refs: Ref }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(addNoteAction);
  return (
    <TitledCard level={3} title="Ajouter une note" id="action-note">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Ajouter une note">
        <FormBanner state={state} />
        <RequestRef {...refs} />
        <TextAreaField
          name="body"
          label="Note de coordination"
          hint="Appel, évaluation, décision… Lue par la coordination seulement."
          rows={4}
          maxLength={4000}
          required
          errors={fieldErrors.body}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Ajouter la note"}
        </Button>
      </form>
    </TitledCard>
  );
}

export type Qualification = { urgency: string; placeOfCare: string; needs: string[] };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

// Urgency, place of care and needs corrected, with the reason (after a call with the family or the GP).
function RequalifyForm({ refs, current }: { refs: Ref; current: Qualification }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(requalifyRequestAction, { resetOnSuccess: false });
  return (
    <Card>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-slate-900">Requalifier (urgence, lieu, besoins)</summary>
        <form ref={formElement} onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-3" aria-label="Requalifier la demande">
          <FormBanner state={state} />
          <RequestRef {...refs} />
          <ChoiceGroup
            name="urgency"
            legend="Urgence"
            type="radio"
            inline
            options={options(URGENCY_SHORT_LABELS)}
            defaultValue={current.urgency}
            errors={fieldErrors.urgency}
          />
          <ChoiceGroup
            name="placeOfCare"
            legend="Lieu de prise en charge"
            type="radio"
            columns={2}
            options={options(PLACE_OF_CARE_LABELS)}
            defaultValue={current.placeOfCare}
            errors={fieldErrors.placeOfCare}
          />
          <ChoiceGroup
            name="needs"
            legend="Besoins"
            type="checkbox"
            columns={2}
            options={options(NEED_LABELS)}
            defaultValue={current.needs}
            errors={fieldErrors.needs}
          />
          <TextAreaField
            name="reason"
            id="field-requalify-reason"
            label="Motif"
            hint="Lu par la coordination ; le médecin voit ce qui a changé."
            rows={3}
            maxLength={1000}
            errors={fieldErrors.reason}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Enregistrement…" : "Requalifier"}
          </Button>
        </form>
      </details>
    </Card>
  );
}

const OUTCOMES = Object.entries(CLOSURE_OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

function CloseForm({ refs, unanswered, defaultOutcome }: { refs: Ref; unanswered: number; defaultOutcome?: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(closeRequestAction, { announce: true });
  return (
    <TitledCard level={3} title="Clôturer la demande" id="action-cloturer">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Clôturer la demande">
        <FormBanner state={state} />
        <RequestRef {...refs} />
        <SelectField
          name="outcome"
          label="Issue de la demande"
          placeholder="Choisir l'issue…"
          options={OUTCOMES}
          defaultValue={defaultOutcome ?? ""}
          required
          errors={fieldErrors.outcome}
        />
        <TextAreaField
          name="summary"
          label="Synthèse pour le médecin"
          hint="Ce qui a été mis en place et ce que le médecin doit savoir : il la lit dans le suivi de sa demande."
          rows={5}
          maxLength={4000}
          required
          errors={fieldErrors.summary}
        />
        {unanswered > 0 ? (
          <p className="text-sm text-slate-700">
            {unanswered === 1 ? "L'orientation sans réponse sera annulée" : `Les ${unanswered} orientations sans réponse seront annulées`} ; les équipes déjà
            engagées pourront encore envoyer leur retour.
          </p>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Clôturer la demande"}
        </Button>
      </form>
    </TitledCard>
  );
}

const CANCEL_REASONS = Object.entries(CANCEL_REASON_LABELS).map(([value, label]) => ({ value, label }));

function CancelForm({ refs, active }: { refs: Ref; active: number }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(cancelRequestAction, { announce: true });
  return (
    <Card as="details" open={Boolean(state && !state.ok) || undefined} className="group">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">Annuler la demande (doublon, retrait)</summary>
      <form ref={formElement} onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-3" aria-label="Annuler la demande">
        <FormBanner state={state} />
        <RequestRef {...refs} />
        <ChoiceGroup name="reason" legend="Motif" type="radio" options={CANCEL_REASONS} columns={2} required errors={fieldErrors.reason} />
        <TextAreaField
          name="details"
          label="Précisions"
          hint="Ex. numéro de la demande en double. Le médecin lit ce motif."
          rows={3}
          maxLength={1000}
          required
          errors={fieldErrors.details}
        />
        {active > 0 ? (
          <p className="text-sm text-slate-700">
            {active === 1 ? "L'orientation en cours sera annulée." : `Les ${active} orientations en cours seront annulées.`}
          </p>
        ) : null}
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Annulation…" : "Annuler la demande"}
        </Button>
      </form>
    </Card>
  );
}

function ReopenForm({ refs }: { refs: Ref }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(reopenRequestAction, { announce: true });
  return (
    <TitledCard level={3} title="Rouvrir la demande" id="action-rouvrir">
      <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Rouvrir la demande">
        <FormBanner state={state} />
        <RequestRef {...refs} />
        <TextAreaField
          name="reason"
          label="Motif de réouverture"
          hint="Ex. aggravation, nouvel appel du médecin. Le médecin lit ce motif."
          rows={3}
          maxLength={1000}
          required
          errors={fieldErrors.reason}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Rouvrir la demande"}
        </Button>
      </form>
    </TitledCard>
  );
}

// The actions the request's state allows (the server checks each again).
export function RequestActions({
  requestId,
  version,
  status,
  structures,
  hasSuggestions = false,
  unansweredReferrals,
  activeReferrals,
  outside = false,
  defaultOutcome,
  qualification,
}: {
  requestId: string;
  version: number;
  status: keyof typeof REQUEST_STATUS_LABELS;
  structures: OrientChoice[];
  /** The routing suggests someone for at least one need (else no reason is asked). */
  hasSuggestions?: boolean;
  unansweredReferrals: number;
  activeReferrals: number;
  /** Hors territoire: it is given a territory first (AssignTerritoryForm), then claimed. */
  outside?: boolean;
  /** The closing outcome proposed (« Patient décédé » once a death was reported). */
  defaultOutcome?: "DECEASED" | "DECLINED_BY_PATIENT";
  /** What the request says now, for the requalification form. */
  qualification?: Qualification;
}) {
  const refs = { requestId, version };
  const triaged = status === "TRIAGE" || status === "ORIENTED" || status === "IN_CARE";
  const open = status === "SUBMITTED" || triaged;
  // Claim, close, cancel and reopen change the status: their form is gone when the page comes back,
  // so their confirmation is kept here (this component stays mounted across the refresh).
  const [outcome, setOutcome] = useState<OutcomeMessage | null>(null);
  return (
    <ActionOutcome.Provider value={setOutcome}>
      <div className="flex flex-col gap-4">
        {isOutcomeShown(outcome, version) ? <Alert tone="success">{outcome.message}</Alert> : null}
        {status === "SUBMITTED" && !outside ? <ClaimForm refs={refs} /> : null}
        {triaged ? <OrientForm refs={refs} structures={structures} hasSuggestions={hasSuggestions} /> : null}
        {open ? <NoteForm refs={refs} /> : null}
        {open && qualification ? <RequalifyForm refs={refs} current={qualification} /> : null}
        {triaged ? <CloseForm refs={refs} unanswered={unansweredReferrals} defaultOutcome={defaultOutcome} /> : null}
        {open ? <CancelForm refs={refs} active={activeReferrals} /> : null}
        {status === "CLOSED" ? <ReopenForm refs={refs} /> : null}
        {status === "CANCELLED" ? <p className="text-slate-700">Demande annulée : plus aucune action possible.</p> : null}
      </div>
    </ActionOutcome.Provider>
  );
}

// One referral's "Annuler l'orientation" (in the list of referrals).
export function CancelReferralForm({
  requestId,
  referralId,
  version,
  structureName,
}: {
  requestId: string;
  referralId: string;
  version: number;
  structureName: string;
}) {
  const { formElement, onSubmit, pending, state } = useActionForm(cancelReferralAction);
  return (
    <form ref={formElement} onSubmit={onSubmit} className="mt-3 flex flex-col gap-2">
      {state && !state.ok ? <FormBanner state={state} /> : null}
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="referralId" value={referralId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Annuler l'orientation vers ${structureName}`} className="self-start">
        {pending ? "Annulation…" : "Annuler l'orientation"}
      </Button>
    </form>
  );
}
