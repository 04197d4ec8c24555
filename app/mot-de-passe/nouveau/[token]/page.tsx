import type { Metadata } from "next";
import { resetPasswordAction } from "@/lib/auth/actions";
import { checkAccountLink } from "@/lib/auth/set-password-from-link";
import { AccountPage } from "@/components/auth/account-page";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { Alert } from "@/components/ui/alert";
import Link from "next/link";

export const metadata: Metadata = { title: "Nouveau mot de passe", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await checkAccountLink({ purpose: "PASSWORD_RESET", token: token.slice(0, 100) });
  if (!link.ok) {
    return (
      <AccountPage title="Nouveau mot de passe">
        <Alert tone="error">{link.message}</Alert>
        <p className="mt-4">
          <Link href="/mot-de-passe-oublie" className="font-medium text-brand-700 underline">
            Demander un nouveau lien
          </Link>
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage title="Nouveau mot de passe" intro={<p>Pour le compte {link.email}. Vos autres sessions ouvertes seront fermées.</p>}>
      <NewPasswordForm action={resetPasswordAction} token={token} email={link.email} submitLabel="Enregistrer le nouveau mot de passe" />
    </AccountPage>
  );
}
