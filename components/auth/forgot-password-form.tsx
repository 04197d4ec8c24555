"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { requestPasswordResetAction } from "@/lib/auth/actions";

// « Mot de passe oublié » : the same answer whether the address has an account or not.
export function ForgotPasswordForm() {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(requestPasswordResetAction, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormBanner state={state} />
      <TextField
        name="email"
        type="email"
        label="Adresse e-mail de votre compte"
        autoComplete="username"
        inputMode="email"
        errors={fieldErrors.email}
        required
      />
      <p>
        <Button type="submit" disabled={pending}>
          Recevoir un lien par e-mail
        </Button>
      </p>
    </form>
  );
}
