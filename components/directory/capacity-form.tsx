"use client";

import { updateCapacityAction } from "@/lib/directory/actions";
import { CAPACITY_HINTS, CAPACITY_LABELS } from "@/lib/directory/labels";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

function StructureRef({ structureId, version }: { structureId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** One tap for the most frequent case: nothing changed, and the team says so today. */
export function ConfirmCapacityButton({ structureId, version, status }: { structureId: string; version: number; status: string }) {
  const { formElement, onSubmit, pending, state } = useActionForm(updateCapacityAction, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Confirmer la disponibilité">
      <StructureRef structureId={structureId} version={version} />
      <input type="hidden" name="capacityStatus" value={status} />
      <FormBanner state={state} />
      <Button type="submit" variant="secondary" disabled={pending} className="sm:self-start">
        {pending ? "Enregistrement…" : "C'est toujours vrai aujourd'hui"}
      </Button>
    </form>
  );
}

/** Change the status (and since when); saving confirms it today. What was chosen stays on error. */
export function CapacityForm({ structureId, version, status }: { structureId: string; version: number; status: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(updateCapacityAction, { resetOnSuccess: false });
  const options = Object.entries(CAPACITY_LABELS).map(([value, label]) => ({ value, label, hint: CAPACITY_HINTS[value as keyof typeof CAPACITY_HINTS] }));
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Mettre à jour la disponibilité">
      <StructureRef structureId={structureId} version={version} />
      <FormBanner state={state} />
      <ChoiceGroup
        name="capacityStatus"
        legend="Disponibilité"
        type="radio"
        columns={2}
        options={options}
        defaultValue={status}
        errors={fieldErrors.capacityStatus}
      />
      <TextField
        name="capacitySince"
        type="date"
        label="Depuis le (facultatif)"
        hint="Laissez vide : aujourd'hui si la disponibilité change, sinon la date connue est gardée."
        errors={fieldErrors.capacitySince}
        className="sm:max-w-xs"
      />
      <Button type="submit" disabled={pending} className="sm:self-start">
        {pending ? "Enregistrement…" : "Enregistrer la disponibilité"}
      </Button>
    </form>
  );
}
