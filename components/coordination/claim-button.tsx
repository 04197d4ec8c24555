"use client";

import { claimFromQueueAction } from "@/lib/requests/coordination-actions";
import { Button } from "@/components/ui/button";
import { FormBanner, useActionForm } from "@/components/forms/action-form";

// "Prendre en charge" on a queue row: the nurse then lands on the request. When another nurse was
// faster, the row says who.
export function ClaimButton({ requestId, numberLabel }: { requestId: string; numberLabel: string }) {
  const { formElement, onSubmit, pending, state } = useActionForm(claimFromQueueAction);
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-2">
      {state && !state.ok ? <FormBanner state={state} /> : null}
      <input type="hidden" name="requestId" value={requestId} />
      <Button type="submit" disabled={pending} aria-label={`Prendre en charge ${numberLabel}`} className="w-full sm:w-auto">
        {pending ? "Prise en charge…" : "Prendre en charge"}
      </Button>
    </form>
  );
}
