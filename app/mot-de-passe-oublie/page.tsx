import type { Metadata } from "next";
import { AccountPage } from "@/components/auth/account-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <AccountPage
      title="Mot de passe oublié"
      intro={<p>Indiquez l&apos;adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>}
    >
      <ForgotPasswordForm />
    </AccountPage>
  );
}
