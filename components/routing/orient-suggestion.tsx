"use client";

import { orientToSuggestionAction } from "@/lib/requests/coordination-actions";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { FormBanner, RequestRef, useActionForm } from "@/components/forms/action-form";

// One structure of the suggestions: "Orienter vers <nom>" in one click for a top suggestion; for a
// further candidate the same button under a reason field (the server asks it too). Kept mounted
// once the referral exists, so that its confirmation stays on screen after the page refreshes.
export function OrientSuggestion({
  requestId,
  version,
  structureId,
  structureName,
  needsReason,
  hasActiveReferral,
  idPrefix,
}: {
  requestId: string;
  version: number;
  structureId: string;
  structureName: string;
  needsReason: boolean;
  hasActiveReferral: boolean;
  /** Unique on the page: the same structure may be suggested for several needs. */
  idPrefix: string;
}) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(orientToSuggestionAction);
  const reasonId = `${idPrefix}-motif`;
  const errors = fieldErrors.overrideReason;
  // The use case's reason when this structure may not receive the request (no sharing consent…).
  const refusal = fieldErrors.structureIds;
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-2">
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="structureName" value={structureName} />
      {hasActiveReferral ? (
        <p className="font-medium text-slate-800">Orientation en cours vers cette structure.</p>
      ) : (
        <>
          {needsReason ? (
            <TextAreaField
              id={reasonId}
              name="overrideReason"
              label="Motif du choix hors suggestions"
              hint="Pourquoi cette structure plutôt qu'une des premières suggestions (enregistré avec l'orientation)."
              errors={errors}
              rows={2}
              maxLength={1000}
              required
            />
          ) : null}
          {refusal?.length ? <p className="text-sm font-medium text-red-700">{refusal.join(" ")}</p> : null}
          <Button type="submit" variant={needsReason ? "secondary" : "primary"} disabled={pending} className="self-start">
            {pending ? "Envoi…" : `Orienter vers ${structureName}`}
          </Button>
        </>
      )}
    </form>
  );
}
