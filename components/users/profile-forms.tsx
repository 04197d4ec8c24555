"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { NewPasswordFields } from "@/components/auth/new-password-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changePasswordAction, updateProfileAction } from "@/lib/users/actions";

export function ProfileForm({ name, phone }: { name: string; phone: string | null }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(updateProfileAction, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormBanner state={state} />
      <TextField name="name" label="Prénom et nom" autoComplete="name" defaultValue={name} errors={fieldErrors.name} required />
      <TextField name="phone" type="tel" label="Téléphone (facultatif)" autoComplete="tel" defaultValue={phone ?? ""} errors={fieldErrors.phone} />
      <p>
        <Button type="submit" disabled={pending}>
          Enregistrer
        </Button>
      </p>
    </form>
  );
}

// Emptied on success: a password does not stay in the page.
export function ChangePasswordForm({ email }: { email: string }) {
  const { formElement, onSubmit, pending, state, fieldErrors } = useActionForm(changePasswordAction);
  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormBanner state={state} />
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="currentPassword"
        type="password"
        label="Mot de passe actuel"
        autoComplete="current-password"
        errors={fieldErrors.currentPassword}
        required
      />
      <NewPasswordFields fieldErrors={fieldErrors} confirmLabel="Retapez le nouveau mot de passe" />
      <p>
        <Button type="submit" disabled={pending}>
          Changer mon mot de passe
        </Button>
      </p>
    </form>
  );
}
