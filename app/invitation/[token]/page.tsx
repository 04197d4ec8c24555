import type { Metadata } from "next";
import { acceptInvitationAction } from "@/lib/auth/actions";
import { checkAccountLink } from "@/lib/auth/set-password-from-link";
import { AccountPage } from "@/components/auth/account-page";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await checkAccountLink({ purpose: "INVITATION", token: token.slice(0, 100) });
  if (!link.ok) {
    return (
      <AccountPage title="Invitation">
        <Alert tone="error">{link.message}</Alert>
      </AccountPage>
    );
  }
  return (
    <AccountPage
      title="Bienvenue sur Maillage"
      intro={
        <p>
          {link.name}, choisissez votre mot de passe. Votre identifiant de connexion est <strong>{link.email}</strong>.
        </p>
      }
    >
      <NewPasswordForm action={acceptInvitationAction} token={token} email={link.email} submitLabel="Enregistrer mon mot de passe" />
    </AccountPage>
  );
}
