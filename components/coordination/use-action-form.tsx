"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Alert } from "@/components/ui/alert";

export type FormAction<T = undefined> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

// One form bound to one server action. Submitted by hand (not through <form action>, which React
// resets after every submission) so that a refused submission keeps what the nurse typed; cleared
// only on success. Destructure the result: `ref={formElement}`.
export function useActionForm<T = undefined>(action: FormAction<T>, { resetOnSuccess = true }: { resetOnSuccess?: boolean } = {}) {
  const formElement = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formElement.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { formElement, onSubmit, pending, state, fieldErrors };
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
