"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { fileGpRequestAction, type RequestFormState } from "@/lib/requests/gp-actions";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { NEED_LABELS, PLACE_OF_CARE_LABELS, SEX_LABELS, URGENCY_LABELS } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { BirthDateField } from "@/components/forms/birth-date-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { ConsentField } from "@/components/requests/consent-field";
import { CommuneField } from "@/components/forms/commune-field";
import { TerritoryDelays, type TerritoryPromise } from "@/components/requests/territory-delays";
import { TextAreaField } from "@/components/ui/text-area-field";
import { UnmetNeedNotice } from "@/components/requests/unmet-need-notice";
import { Card } from "@/components/ui/card";
import { Pallia10Questions } from "@/components/screening/screening-form";
import { GRID_INFO, PALLIA10_QUESTIONS } from "@/lib/screening/grids";

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const URGENCY_HINTS: Record<string, string> = {
  CRISIS: "Symptômes non contrôlés, épuisement, situation qui se dégrade",
  PLANNED: "Anticiper, organiser, évaluer",
};

/**
 * The GP's request for support, meant to be filled in under two minutes during a consultation, on
 * a phone as well: one column, large targets, the commune by autocomplete, the territory's promised
 * delays shown before sending.
 */
export function NewRequestForm({ territories }: { territories: TerritoryPromise[] }) {
  const [state, formAction, pending] = useActionState<RequestFormState, FormData>(fileGpRequestAction, null);
  const [commune, setCommune] = useState<CommuneOption | null>(null);
  const [urgency, setUrgency] = useState<"CRISIS" | "PLANNED" | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // Success leaves the page (the request's confirmation): a state here is a refusal.
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  // The commune shown: the one chosen since, else the one sent back with the errors.
  const shownCommune = commune ?? failed?.echo?.commune ?? null;
  const shownUrgency = urgency ?? (values.urgency === "CRISIS" || values.urgency === "PLANNED" ? values.urgency : null);
  const territory = shownCommune?.territory ? territories.find((t) => t.id === shownCommune.territory?.id) : undefined;

  // After a refused send, the first field to correct takes the focus (the summary is announced).
  useEffect(() => {
    if (!state) return;
    const firstInvalid = document.querySelector<HTMLElement>("form [aria-invalid=true], form fieldset[aria-describedby*='-error'] input");
    (firstInvalid ?? alertRef.current)?.focus();
  }, [state]);

  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);

  return (
    <form action={formAction} noValidate className="flex max-w-2xl flex-col gap-6" aria-label="Nouvelle demande d'appui">
      {failed ? (
        <div ref={alertRef} tabIndex={-1}>
          <Alert tone="error">{failed.message}</Alert>
        </div>
      ) : null}

      <Card as="fieldset" className="flex flex-col gap-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Patient</legend>
        <TextField
          name="birthName"
          label="Nom de naissance"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={text("birthName")}
          errors={errors.birthName}
        />
        <TextField
          name="firstNames"
          label="Prénom(s)"
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          defaultValue={text("firstNames")}
          errors={errors.firstNames}
        />
        <BirthDateField name="birthDate" label="Date de naissance" defaultValue={text("birthDate")} errors={errors.birthDate} />
        <ChoiceGroup name="sex" legend="Sexe" type="radio" columns={3} inline options={options(SEX_LABELS)} defaultValue={text("sex")} errors={errors.sex} />
      </Card>

      <Card as="fieldset" className="flex flex-col gap-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Lieu de vie</legend>
        <CommuneField
          name="communeCode"
          label="Commune de résidence"
          hint="Nom ou code postal, puis choisissez dans la liste."
          defaultValue={failed?.echo?.commune ?? null}
          errors={errors.communeCode}
          onSelect={setCommune}
        />
        {shownCommune && !shownCommune.territory ? <UnmetNeedNotice audience="gp" /> : null}
        <ChoiceGroup
          name="placeOfCare"
          legend="Lieu de prise en charge"
          type="radio"
          columns={2}
          options={options(PLACE_OF_CARE_LABELS)}
          defaultValue={text("placeOfCare") ?? "HOME"}
          errors={errors.placeOfCare}
        />
      </Card>

      <Card as="fieldset" className="flex flex-col gap-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Demande</legend>
        <ChoiceGroup
          name="needs"
          legend="Besoins"
          hint="Cochez tout ce qui s'applique."
          type="checkbox"
          columns={2}
          options={options(NEED_LABELS)}
          defaultValue={values.needs}
          errors={errors.needs}
        />
        <div onChange={(e) => setUrgency((e.target as HTMLInputElement).value as "CRISIS" | "PLANNED")}>
          <ChoiceGroup
            name="urgency"
            legend="Urgence"
            type="radio"
            options={options(URGENCY_LABELS).map((o) => ({ ...o, hint: URGENCY_HINTS[o.value] }))}
            defaultValue={text("urgency")}
            errors={errors.urgency}
          />
        </div>
        {territory ? <TerritoryDelays territory={territory} urgency={shownUrgency} /> : null}
        <TextAreaField
          name="details"
          label="Précisions (facultatif)"
          hint="Contexte, traitements en cours, ce que vous attendez de l'équipe."
          defaultValue={text("details")}
          errors={errors.details}
          maxLength={4000}
        />
      </Card>

      <Card as="section" aria-labelledby="pallia10-titre">
        <details open={PALLIA10_QUESTIONS.some((_, i) => errors[`q${i + 1}`] || values[`q${i + 1}`]) || undefined}>
          <summary id="pallia10-titre" className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-slate-900">
            PALLIA-10 : repérage palliatif (facultatif)
          </summary>
          <p className="mb-3 text-sm text-slate-700">
            Répondez aux dix questions, ou à aucune. {GRID_INFO.PALLIA10.source} Le résultat aide la coordination à choisir l&apos;équipe.
          </p>
          <Pallia10Questions errors={errors} values={values} required={false} />
        </details>
      </Card>

      <ConsentField name="consentCoordination" defaultChecked={values.consentCoordination === "on"} errors={errors.consentCoordination}>
        Le patient (ou sa personne de confiance) accepte que sa situation soit partagée avec l&apos;équipe de coordination et les équipes qu&apos;elle
        sollicitera.
      </ConsentField>

      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? "Envoi en cours…" : "Envoyer la demande"}
      </Button>
    </form>
  );
}
