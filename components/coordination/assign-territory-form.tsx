"use client";

import { assignTerritoryAction } from "@/lib/requests/coordination-actions";
import { FormBanner, RequestRef, useActionForm, useFocusFirstError } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";

/**
 * A request hors territoire given to a territory — the coordinator's own (to take it) or the one
 * that should have received it. `territories`: the choices, the coordinator's own first.
 */
export function AssignTerritoryForm({
  requestId,
  version,
  numberLabel,
  territories,
  defaultTerritoryId,
}: {
  requestId: string;
  version: number;
  numberLabel: string;
  territories: { id: string; name: string }[];
  defaultTerritoryId?: string;
}) {
  const { formElement, onSubmit, pending, state, fieldErrors: errors } = useActionForm(assignTerritoryAction, { resetOnSuccess: false });
  useFocusFirstError(state, formElement);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate aria-label={`Rattacher la demande ${numberLabel} à un territoire`} className="flex flex-col gap-3">
      <RequestRef requestId={requestId} version={version} />
      <FormBanner state={state} />
      <SelectField
        name="territoryId"
        id={`field-territoryId-${requestId}`}
        label="Territoire"
        placeholder="Choisissez…"
        options={territories.map((t) => ({ value: t.id, label: t.name }))}
        defaultValue={defaultTerritoryId ?? ""}
        errors={errors.territoryId}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Rattachement…" : "Rattacher à ce territoire"}
        </Button>
      </div>
    </form>
  );
}
