"use client";

import { withdrawParallelReferralsAction } from "@/lib/requests/coordination-actions";
import { FormBanner, RequestRef, useActionForm } from "@/components/forms/action-form";
import { ChoiceGroup } from "@/components/forms/choice-group";
import { Button } from "@/components/ui/button";

/**
 * Parallel referrals: a team accepted while others were solicited too. The coordinator withdraws
 * those still waiting (those of the same type as the accepted one are ticked for her).
 */
export function ParallelReferralsForm({
  requestId,
  version,
  accepted,
  waiting,
}: {
  requestId: string;
  version: number;
  accepted: string;
  waiting: { id: string; name: string; sameType: boolean }[];
}) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(withdrawParallelReferralsAction);
  return (
    <form
      ref={formElement}
      onSubmit={onSubmit}
      noValidate
      aria-label="Orientations en parallèle"
      className="mb-3 flex flex-col gap-3 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3"
    >
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <p className="font-medium text-slate-900">
        {accepted} a accepté. Retirer les orientations encore en attente ? Les équipes sont prévenues que la demande ne les attend plus.
      </p>
      <ChoiceGroup
        name="referralIds"
        legend="Orientations en attente"
        type="checkbox"
        options={waiting.map((w) => ({ value: w.id, label: w.name, hint: w.sameType ? "Même type de structure" : undefined }))}
        defaultValue={waiting.filter((w) => w.sameType).map((w) => w.id)}
        errors={fieldErrors.referralIds}
      />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? "Retrait…" : "Retirer les orientations cochées"}
      </Button>
    </form>
  );
}
