"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { sendPublicContactAction, type PublicContactState } from "@/lib/requests/public-actions";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { NEED_LABELS } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { ConsentField } from "@/components/requests/consent-field";
import { CommuneField } from "@/components/forms/commune-field";
import { telHref, type TerritoryPromise } from "@/components/requests/territory-delays";
import { TextAreaField } from "@/components/ui/text-area-field";
import { UnmetNeedNotice } from "@/components/requests/unmet-need-notice";

const NEED_OPTIONS = Object.entries(NEED_LABELS).map(([value, label]) => ({ value, label }));

/**
 * The public form: a patient, a relative or a carer leaves a number and a few words; a coordinating
 * nurse of the territory calls back. Nothing is shown back but a confirmation and whom to call.
 */
export function PublicContactForm({ territories }: { territories: Pick<TerritoryPromise, "id" | "name" | "publicPhone">[] }) {
  const [state, formAction, pending] = useActionState<PublicContactState, FormData>(sendPublicContactAction, null);
  const [commune, setCommune] = useState<CommuneOption | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const failed = state && !state.ok ? state : null;

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      alertRef.current?.focus();
      return;
    }
    const firstInvalid = document.querySelector<HTMLElement>("form [aria-invalid=true], form fieldset[aria-describedby*='-error'] input");
    (firstInvalid ?? alertRef.current)?.focus();
  }, [state]);

  if (state?.ok) {
    return (
      <div ref={alertRef} tabIndex={-1} className="flex max-w-2xl flex-col gap-4">
        <Alert tone="success">
          <p className="text-lg font-semibold">Votre demande a bien été envoyée.</p>
          {state.data.territory ? (
            <p className="mt-1">
              Une infirmière de coordination de {state.data.territory.name} vous rappelle. Vous pouvez aussi appeler le guichet unique :{" "}
              <a href={telHref(state.data.territory.publicPhone)} className="font-semibold underline">
                {state.data.territory.publicPhone}
              </a>
              .
            </p>
          ) : null}
        </Alert>
        {state.data.territory ? null : <UnmetNeedNotice audience="public" sent />}
      </div>
    );
  }

  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const shownCommune = commune ?? failed?.echo?.commune ?? null;
  const territory = shownCommune?.territory ? territories.find((t) => t.id === shownCommune.territory?.id) : undefined;

  return (
    <form action={formAction} noValidate className="flex max-w-2xl flex-col gap-5" aria-label="Demande d'aide">
      {failed ? (
        <div ref={alertRef} tabIndex={-1}>
          <Alert tone="error">
            {failed.message}
            {failed.code === "RATE_LIMITED" && territory ? (
              <span className="mt-1 block">
                Guichet unique de {territory.name} :{" "}
                <a href={telHref(territory.publicPhone)} className="font-semibold underline">
                  {territory.publicPhone}
                </a>
              </span>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <TextField name="requesterName" label="Votre nom" autoComplete="name" defaultValue={text("requesterName")} errors={errors.requesterName} />
      <TextField
        name="requesterPhone"
        label="Votre téléphone"
        hint="Pour que l'infirmière de coordination vous rappelle."
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        defaultValue={text("requesterPhone")}
        errors={errors.requesterPhone}
      />
      <TextField
        name="requesterRelation"
        label="Votre lien avec la personne malade"
        hint="Par exemple : moi-même, fille, conjoint, voisin, aide à domicile."
        autoComplete="off"
        defaultValue={text("requesterRelation")}
        errors={errors.requesterRelation}
      />
      <CommuneField
        name="communeCode"
        label="Commune où vit la personne malade"
        hint="Nom ou code postal, puis choisissez dans la liste."
        defaultValue={failed?.echo?.commune ?? null}
        errors={errors.communeCode}
        onSelect={setCommune}
      />
      {territory ? (
        <p className="-mt-3 text-sm text-slate-700">
          Guichet unique de ce territoire :{" "}
          <a href={telHref(territory.publicPhone)} className="font-semibold text-brand-700 underline">
            {territory.publicPhone}
          </a>
        </p>
      ) : shownCommune ? (
        <UnmetNeedNotice audience="public" />
      ) : null}
      <ChoiceGroup
        name="needs"
        legend="De quoi avez-vous besoin ?"
        hint="Cochez tout ce qui s'applique."
        type="checkbox"
        columns={2}
        options={NEED_OPTIONS}
        defaultValue={values.needs}
        errors={errors.needs}
      />
      <TextAreaField
        name="details"
        label="Votre message (facultatif)"
        hint="La situation en quelques mots, et quand vous joindre."
        defaultValue={text("details")}
        errors={errors.details}
        maxLength={2000}
      />
      <ConsentField name="consentCoordination" defaultChecked={values.consentCoordination === "on"} errors={errors.consentCoordination}>
        J&apos;accepte que l&apos;équipe de coordination enregistre ces informations et me rappelle.
      </ConsentField>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? "Envoi en cours…" : "Envoyer ma demande"}
      </Button>
    </form>
  );
}
