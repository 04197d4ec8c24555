import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { membershipOptions } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { AccountForm } from "@/components/users/account-form";

export const metadata: Metadata = { title: "Nouveau compte" };

export default async function NewAccountPage() {
  const actor = await requirePermission("users.invite", "/comptes/nouveau");
  const options = await membershipOptions({ actor });
  return (
    <>
      <BackLink href="/comptes">Comptes</BackLink>
      <PageHeader title={actor.role === "ADMIN" ? "Créer un compte" : "Inviter un membre d'équipe"}>
        La personne reçoit un e-mail avec un lien personnel, valable 72 heures, pour choisir son mot de passe.
      </PageHeader>
      <AccountForm options={options} roles={actor.role === "ADMIN" ? undefined : ["TEAM_MEMBER"]} />
    </>
  );
}
