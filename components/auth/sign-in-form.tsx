"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { ZSignIn, signInErrorMessage } from "@/lib/auth/schemas";
import { TextField } from "@/components/ui/text-field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type FieldErrors = { email?: string[]; password?: string[] };

// False in the server's HTML and until React has hydrated the form, true after.
const noSubscription = () => () => {};
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function SignInForm({ callbackUrl, initialError, defaultEmail }: { callbackUrl: string; initialError: string | null; defaultEmail?: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  // From a successful sign-in until the home page is on screen (0.6-5 s on a busy server): the form
  // says so, instead of a page that seems to do nothing.
  const [opening, startOpening] = useTransition();
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignIn.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(parsed.error.flatten().fieldErrors);
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setFormError(signInErrorMessage(result?.error ?? "unknown"));
      return;
    }
    startOpening(() => {
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    // Inert until hydrated: submitted by the browser alone, the form would send the password in the
    // address bar (a GET). The button stays disabled until our handler is attached, and the method
    // is POST all the same, so that nothing can ever put the password in a URL.
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Connexion">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={defaultEmail}
        errors={fieldErrors.email}
      />
      <TextField name="password" label="Mot de passe" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <Button type="submit" disabled={pending || opening || !hydrated}>
        {pending || opening ? "Connexion…" : "Se connecter"}
      </Button>
      <p role="status" className="text-slate-700">
        {opening ? "Connexion réussie : ouverture de votre espace…" : ""}
      </p>
    </form>
  );
}
