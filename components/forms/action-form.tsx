"use client";

import { useRouter } from "next/navigation";
import { createContext, startTransition, useActionState, useContext, useEffect, useRef, type FormEvent, type RefObject } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "@/components/ui/alert";

import type { FormAction } from "@/lib/action";

// Where a form that disappears on success (its action changes the request's status, and the page
// then shows other forms) leaves its confirmation, so that the nurse still reads it. `sentVersion`:
// the version the form was sent with — the confirmation waits for the page of a newer version, so
// that it never shows beside the old status and the form's greyed button (the action returns
// before the refreshed page is on screen).
export type OutcomeMessage = { message: string; sentVersion: number | null };
export const ActionOutcome = createContext<((outcome: OutcomeMessage | null) => void) | null>(null);

/** Whether the page now shows the state a confirmation speaks of. */
export function isOutcomeShown(outcome: OutcomeMessage | null, version: number): outcome is OutcomeMessage {
  return outcome !== null && (outcome.sentVersion === null || version > outcome.sentVersion);
}

export function sentVersionOf(form: FormData): number | null {
  const value = form.get("version");
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
}

// The form kit's hook: one form bound to one server action (lib/action.ts). Submitted by hand (not through <form action>, which React
// resets after every submission) so that a refused submission keeps what the nurse typed; cleared
// only on success. Destructure the result: `ref={formElement}`.
// `announce`: the success message goes to the enclosing ActionOutcome as well (any other success
// clears it).
export function useActionForm<T = undefined>(
  action: FormAction<T>,
  { resetOnSuccess = true, announce = false }: { resetOnSuccess?: boolean; announce?: boolean } = {},
) {
  const formElement = useRef<HTMLFormElement>(null);
  const outcome = useContext(ActionOutcome);
  // Told as the action returns, not from an effect: a form whose success changes the status is
  // unmounted in the very render that would have shown its result. Another form's success clears
  // it (that form shows its own).
  const [state, dispatch, pending] = useActionState(async (previous: ActionResult<T> | null, form: FormData) => {
    const result = await action(previous, form);
    if (result.ok) outcome?.(announce && result.message ? { message: result.message, sentVersion: sentVersionOf(form) } : null);
    return result;
  }, null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formElement.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new try: the previous confirmation no longer speaks of what is on screen.
    if (announce) outcome?.(null);
    // With the button pressed, when it carries a name (a form with two ways to send it).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement && submitter.name ? submitter : null);
    startTransition(() => dispatch(form));
  };
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { formElement, onSubmit, pending, state, fieldErrors };
}

// After a refused save, the first field to correct takes the focus — a field marked invalid, or the
// first input of a group whose own error is shown —, else `fallback` (the banner).
export function useFocusFirstError(state: ActionResult<unknown> | null, form: RefObject<HTMLFormElement | null>, fallback?: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!state || state.ok) return;
    const first = form.current?.querySelector<HTMLElement>("[aria-invalid=true], fieldset[aria-describedby*='-error'] input:not([type=hidden])");
    (first ?? fallback?.current)?.focus();
  }, [state, form, fallback]);
}

// The form's outcome: the success message, or the error with, when the page is out of date (someone
// else changed the request), a button to reload it.
export function FormBanner({ state }: { state: ActionResult<unknown> | null }) {
  const router = useRouter();
  if (!state) return null;
  if (state.ok) return state.message ? <Alert tone="success">{state.message}</Alert> : null;
  const stale = state.code === "CONFLICT" || state.code === "INVALID_TRANSITION";
  return (
    <Alert tone="error">
      <p>{state.message}</p>
      {stale ? (
        <button type="button" onClick={() => router.refresh()} className="mt-2 min-h-11 font-medium underline">
          Recharger la page
        </button>
      ) : null}
    </Alert>
  );
}

// The request a form acts on, and the version the nurse is looking at (optimistic concurrency).
export function RequestRef({ requestId, version }: { requestId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
