"use client";

import { recordSharingConsentAction } from "@/lib/requests/consent-actions";
import { CONSENT_METHOD_LABELS } from "@/lib/labels";
import { FormBanner, RequestRef, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";

/**
 * Records what the patient said about the coordination of their care, or about sharing with one
 * structure or all of them: a consent, a refusal or a withdrawal.
 */
export function SharingConsentForm({
  requestId,
  version,
  structures,
}: {
  requestId: string;
  version: number;
  structures: { id: string; name: string; typeLabel: string }[];
}) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(recordSharingConsentAction);
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label="Enregistrer un consentement ou un refus" className="flex flex-col gap-3">
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <SelectField
        id="consent-structure"
        name="structureId"
        label="Objet du consentement"
        placeholder="Choisir…"
        options={[
          // COORDINATION_CONSENT of lib/requests/schemas.ts (not imported: a client bundle).
          { value: "COORDINATION", label: "La coordination de son parcours par l'équipe du territoire" },
          { value: "ALL", label: "Le partage avec toutes les structures sollicitées" },
          ...structures.map((s) => ({ value: s.id, label: `${s.name} — ${s.typeLabel}` })),
        ]}
        errors={errors.structureId}
        required
      />
      <ChoiceGroup
        name="granted"
        legend="Décision du patient"
        type="radio"
        inline
        options={[
          { value: "yes", label: "Consent" },
          { value: "no", label: "Refuse ou retire son consentement" },
        ]}
        errors={errors.granted}
        required
      />
      <ChoiceGroup
        name="method"
        legend="Recueilli"
        type="radio"
        inline
        options={Object.entries(CONSENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
        errors={errors.method}
        required
      />
      <TextField
        id="consent-representative"
        name="representativeName"
        label="Représentant (s'il a parlé pour le patient)"
        hint="Ex. sa fille, personne de confiance."
        autoComplete="off"
        maxLength={150}
        errors={errors.representativeName}
      />
      <TextAreaField id="consent-note" name="note" label="Précisions" rows={2} maxLength={1000} errors={errors.note} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </Button>
      </div>
    </form>
  );
}
