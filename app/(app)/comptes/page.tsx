import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { UserTable } from "@/components/users/user-table";

export const metadata: Metadata = { title: "Comptes" };

export default async function AccountsPage() {
  const actor = await requirePermission("users.invite", "/comptes");
  const users = await listUsers({ actor });
  return (
    <>
      <PageHeader title={actor.role === "ADMIN" ? "Comptes" : "Comptes des équipes de mes territoires"}>
        {actor.role === "ADMIN"
          ? `${users.length} comptes. Chaque compte reçoit une invitation par e-mail pour choisir son mot de passe.`
          : "Vous invitez les membres des équipes de vos territoires et désactivez leur compte quand ils partent ; le reste est tenu par l'administrateur du dispositif."}
      </PageHeader>
      <p className="mb-4">
        <Link href="/comptes/nouveau" className="font-medium text-brand-700 underline">
          {actor.role === "ADMIN" ? "Créer un compte et l'inviter" : "Inviter un membre d'équipe"}
        </Link>
      </p>
      {users.length ? <UserTable users={users} /> : <p>Aucun compte pour l&apos;instant.</p>}
    </>
  );
}
