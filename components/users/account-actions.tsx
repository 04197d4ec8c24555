"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/action";
import { inviteUserAction, setUserActiveAction, unlockUserAction } from "@/lib/users/actions";

// What can be done to an account besides editing it: send the invitation again, close or reopen
// it, lift a lock. One small form each, its outcome shown beside it.
export function AccountActions({
  userId,
  active,
  invited,
  locked,
  mayUnlock,
}: {
  userId: string;
  active: boolean;
  invited: boolean;
  locked: boolean;
  mayUnlock: boolean;
}) {
  return (
    <div className="flex flex-col gap-3">
      {active ? (
        <ActionButton
          action={inviteUserAction}
          userId={userId}
          label={invited ? "Renvoyer l'invitation" : "Envoyer un lien pour choisir un nouveau mot de passe"}
        />
      ) : null}
      {mayUnlock && locked ? <ActionButton action={unlockUserAction} userId={userId} label="Débloquer le compte" /> : null}
      <ActionButton
        action={setUserActiveAction}
        userId={userId}
        fields={{ active: active ? "false" : "true" }}
        label={active ? "Désactiver le compte" : "Réactiver le compte"}
        variant={active ? "danger" : "secondary"}
      />
    </div>
  );
}

function ActionButton<T>({
  action,
  userId,
  label,
  fields = {},
  variant = "secondary",
}: {
  action: FormAction<T>;
  userId: string;
  label: string;
  fields?: Record<string, string>;
  variant?: "secondary" | "danger";
}) {
  const { formElement, onSubmit, pending, state } = useActionForm(action, { resetOnSuccess: false });
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormBanner state={state} />
      <p>
        <Button type="submit" variant={variant} disabled={pending}>
          {label}
        </Button>
      </p>
    </form>
  );
}
