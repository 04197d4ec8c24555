"use client";

import { useRef } from "react";
import { createStructureAction, updateContactsAction, updateStructureAction } from "@/lib/directory/actions";
import { AGE_GROUP_LABELS, CAPACITY_LABELS, STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import type { CommuneOption } from "@/lib/requests/commune-options";
import { FormBanner, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { CommuneField } from "@/components/forms/commune-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { CommuneListField } from "@/components/directory/commune-list-field";
import { ContactFields, HoursFields, OffersField, type Values } from "@/components/directory/structure-fields";
import { Section } from "@/components/ui/form-section";

type Commune = Omit<CommuneOption, "territory">;
type Territory = { id: string; name: string };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const text = (values: Values, key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");

/**
 * The whole entry, for coordinators (their territories) and admins: creation when `structure` is
 * absent, else a full edit on the version shown. Capacity is set here only at creation; afterwards
 * it has its own form on the structure's page (saving it confirms it today).
 */
export function StructureForm({
  structure,
  values,
  addressCommune,
  communes,
  territories,
  territoryChoices,
  allowNoTerritory,
}: {
  structure?: { id: string; version: number };
  values: Values;
  addressCommune: CommuneOption | null;
  communes: Commune[];
  territories: Territory[];
  territoryChoices: Territory[];
  allowNoTerritory: boolean;
}) {
  const {
    formElement,
    onSubmit,
    pending,
    state,
    fieldErrors: errors,
  } = useActionForm(structure ? updateStructureAction : createStructureAction, { resetOnSuccess: false });
  const banner = useRef<HTMLDivElement>(null);
  useFocusFirstError(state, formElement, banner);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const coverage = (Array.isArray(values.coverageCommuneCodes) ? values.coverageCommuneCodes : [])
    .map((code) => byCode.get(code))
    .filter((c): c is Commune => Boolean(c));
  const territoryIds = new Set(Array.isArray(values.coverageTerritoryIds) ? values.coverageTerritoryIds : []);

  return (
    <form
      ref={formElement}
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-3xl flex-col gap-6"
      aria-label={structure ? "Modifier la structure" : "Nouvelle structure"}
    >
      {structure ? (
        <>
          <input type="hidden" name="structureId" value={structure.id} />
          <input type="hidden" name="version" value={structure.version} />
        </>
      ) : null}
      <div ref={banner} tabIndex={-1}>
        <FormBanner state={state} />
      </div>

      <Section legend="Identité">
        <TextField name="name" label="Nom de la structure" autoComplete="off" defaultValue={text(values, "name")} errors={errors.name} />
        <SelectField
          name="type"
          label="Type"
          options={options(STRUCTURE_TYPE_LABELS)}
          placeholder="Choisissez…"
          defaultValue={text(values, "type")}
          errors={errors.type}
          style={{ width: "100%" }}
          className="min-w-0"
        />
        <SelectField
          name="territoryId"
          label="Territoire gestionnaire"
          hint="Ses infirmières de coordination tiennent la fiche à jour."
          options={territoryChoices.map((t) => ({ value: t.id, label: t.name }))}
          placeholder={allowNoTerritory ? "Aucun (national)" : undefined}
          defaultValue={text(values, "territoryId") || (territoryChoices.length === 1 ? territoryChoices[0]!.id : "")}
          errors={errors.territoryId}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="finess"
            label="Numéro FINESS (facultatif)"
            hint="9 caractères ; la clé est vérifiée."
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={text(values, "finess")}
            errors={errors.finess}
          />
          <TextField
            name="externalId"
            label="Identifiant externe (facultatif)"
            hint="Clé de l'import CSV ; créée automatiquement si vide."
            autoComplete="off"
            spellCheck={false}
            defaultValue={text(values, "externalId")}
            errors={errors.externalId}
          />
          <TextField
            name="beds"
            label="Lits (USP, LISP ; facultatif)"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={text(values, "beds")}
            errors={errors.beds}
          />
        </div>
        <TextAreaField
          name="description"
          label="Présentation (facultatif)"
          hint="Équipe, missions, conditions d'intervention."
          defaultValue={text(values, "description")}
          errors={errors.description}
          maxLength={2000}
        />
      </Section>

      <Section legend="Adresse">
        <CommuneField
          name="addressCommuneCode"
          label="Commune"
          hint="Nom ou code postal, puis choisissez dans la liste."
          defaultValue={addressCommune}
          errors={errors.addressCommuneCode}
        />
        <TextField name="address" label="Adresse (facultatif)" autoComplete="off" defaultValue={text(values, "address")} errors={errors.address} />
      </Section>

      <Section
        legend="Zone d'intervention"
        id="field-coverage"
        errors={errors.coverage}
        hint="Des communes, des départements entiers ou des territoires entiers (au moins l'un des trois)."
      >
        <CommuneListField name="coverageCommuneCodes" legend="Communes" initial={coverage} errors={errors.coverageCommuneCodes} />
        <TextField
          name="coverageDepartmentCodes"
          label="Départements entiers"
          hint="Codes séparés par des virgules, par exemple « 55, 54 »."
          autoComplete="off"
          defaultValue={text(values, "coverageDepartmentCodes")}
          errors={errors.coverageDepartmentCodes}
        />
        <ChoiceGroup
          name="coverageTerritoryIds"
          legend="Territoires entiers"
          type="checkbox"
          columns={2}
          options={territories.map((t) => ({ value: t.id, label: t.name }))}
          defaultValue={[...territoryIds]}
          errors={errors.coverageTerritoryIds}
        />
      </Section>

      <Section legend="Public">
        <ChoiceGroup
          name="ageGroups"
          legend="Patients pris en charge"
          type="checkbox"
          inline
          options={options(AGE_GROUP_LABELS)}
          defaultValue={Array.isArray(values.ageGroups) ? values.ageGroups : ["ADULT"]}
          errors={errors.ageGroups}
        />
      </Section>

      <OffersField values={values} errors={errors} />
      <ContactFields values={values} errors={errors} />
      <HoursFields values={values} errors={errors} />

      {structure ? null : (
        <Section legend="Disponibilité">
          <ChoiceGroup
            name="capacityStatus"
            legend="Disponibilité aujourd'hui"
            type="radio"
            columns={2}
            options={options(CAPACITY_LABELS)}
            defaultValue={text(values, "capacityStatus") || "AVAILABLE"}
            errors={errors.capacityStatus}
          />
          <TextField
            name="capacitySince"
            type="date"
            label="Depuis le (facultatif)"
            defaultValue={text(values, "capacitySince")}
            errors={errors.capacitySince}
            className="sm:max-w-xs"
          />
        </Section>
      )}

      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? "Enregistrement…" : structure ? "Enregistrer les modifications" : "Ajouter la structure"}
      </Button>
    </form>
  );
}

/** A team member's own structure: how to reach them (the rest is kept by the coordination). */
export function ContactsForm({ structure, values }: { structure: { id: string; version: number }; values: Values }) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(updateContactsAction, { resetOnSuccess: false });
  const banner = useRef<HTMLDivElement>(null);
  useFocusFirstError(state, formElement, banner);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-6" aria-label="Modifier les coordonnées">
      <input type="hidden" name="structureId" value={structure.id} />
      <input type="hidden" name="version" value={structure.version} />
      <div ref={banner} tabIndex={-1}>
        <FormBanner state={state} />
      </div>
      <ContactFields values={values} errors={errors} />
      <HoursFields values={values} errors={errors} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {pending ? "Enregistrement…" : "Enregistrer les coordonnées"}
      </Button>
    </form>
  );
}
