"use client";

import { useRef } from "react";
import { createTerritoryAction, updateTerritoryAction } from "@/lib/territories/actions";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { WeekHoursFields } from "@/components/forms/week-hours-fields";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { Section } from "@/components/ui/form-section";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";

type Values = Record<string, string>;

const HOURS_HINT = "Pour chaque jour, les plages où l'on vous joint, par exemple « 08:30-12:00, 13:30-17:30 ». Laissez vide un jour fermé.";

/**
 * A territory's contact sheet, hours and promised delays: creation when `territoryId` is absent
 * (its communes come next, on its page), else an edit. What the administrator typed stays in the
 * form when the server refuses it; the first field to correct takes the focus.
 */
export function TerritoryForm({ territoryId, values, departments }: { territoryId?: string; values: Values; departments: { code: string; name: string }[] }) {
  const {
    formElement,
    onSubmit,
    pending,
    state,
    fieldErrors: errors,
  } = useActionForm(territoryId ? updateTerritoryAction : createTerritoryAction, {
    resetOnSuccess: false,
  });
  const banner = useRef<HTMLDivElement>(null);
  useFocusFirstError(state, formElement, banner);
  const number = (name: string, label: string, hint?: string) => (
    <TextField name={name} label={label} hint={hint} inputMode="numeric" autoComplete="off" defaultValue={values[name]} errors={errors[name]} />
  );

  return (
    <form
      ref={formElement}
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-3xl flex-col gap-6"
      aria-label={territoryId ? "Fiche du territoire" : "Nouveau territoire"}
    >
      {territoryId ? <input type="hidden" name="territoryId" value={territoryId} /> : null}
      <div ref={banner} tabIndex={-1}>
        <FormBanner state={state} />
      </div>

      <Section legend="Identité et contact">
        <TextField
          name="name"
          label="Nom du territoire"
          hint="Tel que les médecins le connaissent, ex. « Meuse Sud (Bar-le-Duc) »."
          autoComplete="off"
          defaultValue={values.name}
          errors={errors.name}
        />
        <SelectField
          name="departmentCode"
          label="Département"
          options={departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
          placeholder="Choisissez…"
          defaultValue={values.departmentCode}
          errors={errors.departmentCode}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="publicPhone"
            type="tel"
            label="Numéro unique"
            hint="Le numéro que médecins et familles appellent."
            autoComplete="off"
            defaultValue={values.publicPhone}
            errors={errors.publicPhone}
          />
          <TextField name="email" type="email" label="Messagerie (facultatif)" autoComplete="off" defaultValue={values.email} errors={errors.email} />
        </div>
      </Section>

      <Section
        legend="Horaires d'ouverture"
        id="field-hours"
        errors={errors.hours}
        hint={`${HOURS_HINT} Les délais des demandes programmées courent dans ces horaires, hors jours fériés et fermetures.`}
      >
        <WeekHoursFields prefix="hours" values={values} errors={errors} />
      </Section>

      <Section legend="Délais garantis" hint="Affichés au médecin qui dépose une demande, et suivis dans la file de coordination.">
        <div className="grid gap-4 sm:grid-cols-2">
          {number("triageHoursCrisis", "Prise en charge d'une crise (heures)")}
          {number("firstContactHoursCrisis", "Premier contact en crise (heures)", "48 heures réelles au plus.")}
          {number("triageHoursPlanned", "Prise en charge d'une demande programmée (heures ouvrées)")}
          {number("firstContactHoursPlanned", "Premier contact, demande programmée (heures ouvrées)")}
          {number("referralAnswerHours", "Réponse attendue des équipes sollicitées (heures)", "Au-delà, l'équipe est relancée et la coordination prévenue.")}
        </div>
        <SelectField
          name="crisisClock"
          label="Les délais de crise courent"
          options={[
            { value: "CALENDAR", label: "Jour et nuit, week-ends et jours fériés compris" },
            { value: "ON_CALL", label: "Pendant les heures d'astreinte ci-dessous" },
          ]}
          defaultValue={values.crisisClock}
          errors={errors.crisisClock}
        />
      </Section>

      <Section legend="Astreinte" id="field-onCall" errors={errors.onCall} hint={`Seulement si les délais de crise courent pendant l'astreinte. ${HOURS_HINT}`}>
        <WeekHoursFields prefix="onCall" labelSuffix=" (astreinte)" values={values} errors={errors} />
      </Section>

      <ChoiceGroup
        name="withdrawParallelReferrals"
        legend="Orientations en parallèle"
        type="checkbox"
        hint="Quand la coordination sollicite plusieurs structures du même type (deux HAD, par exemple) et que l'une accepte."
        options={[{ value: "on", label: "Retirer automatiquement les autres orientations en attente vers ce type de structure" }]}
        defaultValue={values.withdrawParallelReferrals}
        errors={errors.withdrawParallelReferrals}
      />

      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : territoryId ? "Enregistrer le territoire" : "Créer le territoire"}
        </Button>
      </div>
    </form>
  );
}
