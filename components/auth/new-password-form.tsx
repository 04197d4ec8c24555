"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/lib/action";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-strength-rules";

export const PASSWORD_HINT = `Au moins ${MIN_PASSWORD_LENGTH} caractères, difficile à deviner : par exemple trois ou quatre mots peu courants séparés par des tirets. Évitez votre nom et les mots de passe d'autres sites.`;

// Choosing a password from an e-mailed link (invitation, reset): typed twice, its strength
// checked on the server with the reason in French at the field.
export function NewPasswordForm({ action, token, email, submitLabel }: { action: FormAction; token: string; email: string; submitLabel: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(action, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormBanner state={state} />
      <input type="hidden" name="token" value={token} />
      {/* For the browser's password manager: the account the new password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields fieldErrors={fieldErrors} />
      <p>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </p>
    </form>
  );
}

/** The new password and its confirmation, with the rules stated (here and on the profile). */
export function NewPasswordFields({ fieldErrors, confirmLabel = "Retapez le mot de passe" }: { fieldErrors: Record<string, string[]>; confirmLabel?: string }) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label="Nouveau mot de passe"
        hint={PASSWORD_HINT}
        autoComplete="new-password"
        errors={fieldErrors.password}
        required
      />
      <TextField name="confirmation" type="password" label={confirmLabel} autoComplete="new-password" errors={fieldErrors.confirmation} required />
    </>
  );
}
