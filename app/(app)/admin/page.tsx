import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listUsers } from "@/lib/users/queries";
import { listAllTerritories } from "@/lib/territories/queries";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";
import { UserTable } from "@/components/users/user-table";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const actor = await requirePermission("home.admin", "/admin");
  const [users, territories] = await Promise.all([listUsers({ actor }), listAllTerritories()]);
  return (
    <>
      <PageHeader title="Administration du dispositif">
        {territories.length} territoires, {users.length} comptes.
      </PageHeader>
      <section aria-labelledby="comptes" className="mb-8">
        <h2 id="comptes" className="mb-3 text-xl font-semibold">
          Comptes
        </h2>
        <p className="mb-3">
          <Link href="/comptes/nouveau" className="font-medium text-brand-700 underline">
            Créer un compte et l&apos;inviter
          </Link>
        </p>
        <UserTable users={users} />
      </section>
      <section aria-labelledby="territoires">
        <h2 id="territoires" className="mb-3 text-xl font-semibold">
          Territoires
        </h2>
        <p className="mb-3 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/territoires/nouveau" className="font-medium text-brand-700 underline">
            Créer un territoire
          </Link>
          <Link href="/territoires/normes" className="font-medium text-brand-700 underline">
            Normes de couverture
          </Link>
        </p>
        <TerritoryList territories={territories} showSize editable headingLevel={3} empty="Aucun territoire." />
      </section>
    </>
  );
}
