"use client";

import { useState } from "react";
import { setStructureActiveAction } from "@/lib/directory/actions";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";

/**
 * Deactivate (after a confirmation step: the structure disappears from searches and suggestions)
 * or reactivate an entry. The history and past referrals stay.
 */
export function ActiveToggle({ structureId, version, active }: { structureId: string; version: number; active: boolean }) {
  const { formElement, onSubmit, pending, state } = useActionForm(setStructureActiveAction, { resetOnSuccess: false });
  const [confirming, setConfirming] = useState(false);
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-2" aria-label={active ? "Désactiver la structure" : "Réactiver la structure"}>
      <input type="hidden" name="structureId" value={structureId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <FormBanner state={state} />
      {active && !confirming ? (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)} className="sm:self-start">
          Désactiver la fiche…
        </Button>
      ) : null}
      {active && confirming ? (
        <div className="flex flex-col gap-2 rounded-md border border-red-700 bg-red-50 p-3">
          <p className="text-red-900">
            La structure n&apos;apparaîtra plus dans l&apos;annuaire ni dans les suggestions d&apos;orientation. Son historique est conservé.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Désactivation…" : "Confirmer la désactivation"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : null}
      {!active ? (
        <Button type="submit" variant="secondary" disabled={pending} className="sm:self-start">
          {pending ? "Réactivation…" : "Réactiver la fiche"}
        </Button>
      ) : null}
    </form>
  );
}
