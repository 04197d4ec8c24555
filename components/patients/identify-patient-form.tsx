"use client";

import { useState } from "react";
import { identifyPatientAction } from "@/lib/requests/coordination-actions";
import type { DuplicateCandidate } from "@/lib/patients/find-duplicates";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { IDENTITY_STATUS_LABELS, SEX_LABELS } from "@/lib/labels";
import { FormBanner, RequestRef, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { describeCandidate } from "@/components/patients/describe-candidate";
import { BirthDateField } from "@/components/forms/birth-date-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { CommuneField } from "@/components/forms/commune-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";

export type IdentityValues = {
  birthName: string;
  firstNames: string;
  birthDate: string; // jj/mm/aaaa
  sex: string;
  birthPlace: CommuneOption | null;
  bornAbroad: boolean;
  insMatricule: string;
  insKind: string;
  identityStatus: string;
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * « Identifier le patient » (or correct the identity): the strict traits of the INS, the birth
 * place, the INS and the identity status. The first send looks for possible duplicates: they come
 * back here, and the coordinator links the request to one of them or creates a new record.
 */
export function IdentifyPatientForm({ requestId, version, initial }: { requestId: string; version: number; initial: IdentityValues | null }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(identifyPatientAction, { resetOnSuccess: false });
  useFocusFirstError(state, formElement);
  // The duplicates proposed stay on screen while the choice among them is corrected.
  // (React's « adjusting state when a value changes », during render rather than in an effect.)
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setDuplicates(state.data.outcome === "duplicates" ? state.data.candidates : null);
  }
  const v = initial;
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label={v ? "Corriger l'identité" : "Identifier le patient"} className="flex flex-col gap-3">
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <TextField name="birthName" label="Nom de naissance" autoComplete="off" spellCheck={false} defaultValue={v?.birthName} errors={errors.birthName} />
      <TextField
        name="firstNames"
        label="Prénom(s) de naissance"
        autoComplete="off"
        spellCheck={false}
        defaultValue={v?.firstNames}
        errors={errors.firstNames}
      />
      <BirthDateField name="birthDate" label="Date de naissance" defaultValue={v?.birthDate} errors={errors.birthDate} />
      <ChoiceGroup name="sex" legend="Sexe" type="radio" inline options={options(SEX_LABELS)} defaultValue={v?.sex} errors={errors.sex} />
      <CommuneField
        name="birthPlaceCode"
        label="Commune de naissance"
        hint="Nom ou code postal, puis choisissez dans la liste."
        defaultValue={v?.birthPlace ?? null}
        errors={errors.birthPlaceCode}
      />
      <ChoiceGroup
        name="bornAbroad"
        legend="Naissance hors de France"
        type="checkbox"
        options={[{ value: "on", label: "Né(e) à l'étranger" }]}
        defaultValue={v?.bornAbroad ? "on" : undefined}
        errors={errors.bornAbroad}
      />
      <TextField
        name="insMatricule"
        label="Matricule INS (facultatif)"
        hint="15 caractères avec la clé, tel que rendu par le téléservice INSi."
        autoComplete="off"
        inputMode="numeric"
        spellCheck={false}
        maxLength={30}
        defaultValue={v?.insMatricule}
        errors={errors.insMatricule}
      />
      <ChoiceGroup
        name="insKind"
        legend="Nature du matricule"
        type="radio"
        inline
        options={[
          { value: "NIR", label: "NIR" },
          { value: "NIA", label: "NIA (en attente)" },
        ]}
        defaultValue={v?.insKind || undefined}
        errors={errors.insKind}
      />
      <SelectField
        name="identityStatus"
        label="Statut de l'identité"
        options={options(IDENTITY_STATUS_LABELS)}
        defaultValue={v?.identityStatus ?? "PROVISIONAL"}
        errors={errors.identityStatus}
      />
      {duplicates ? (
        <>
          <ChoiceGroup
            name="linkPatientId"
            legend="Patients possiblement identiques"
            hint="Dossiers déjà connus de votre coordination, proches de cette identité."
            type="radio"
            options={duplicates.map((d) => {
              const { label, details } = describeCandidate(d);
              return { value: d.id, label, hint: details };
            })}
            errors={errors.linkPatientId}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="link" disabled={pending}>
              Rattacher la demande à ce patient
            </Button>
            <Button type="submit" name="decision" value="create" variant="secondary" disabled={pending}>
              Aucun : créer un nouveau dossier
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Recherche…" : v ? "Corriger l'identité" : "Identifier le patient"}
          </Button>
        </div>
      )}
    </form>
  );
}
