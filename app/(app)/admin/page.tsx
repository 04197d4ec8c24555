import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listUsers } from "@/lib/users/queries";
import { listAllTerritories } from "@/lib/territories/queries";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";
import { UserTable } from "@/components/users/user-table";
import { OutsideRequests } from "@/components/coordination/outside-requests";
import { Alert } from "@/components/ui/alert";
import { listOutsideRequests } from "@/lib/requests/coordination-queries";
import { listTerritoryOptions } from "@/lib/directory/queries";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<{ rattachee?: string; territoire?: string }> }) {
  const actor = await requirePermission("home.admin", "/admin");
  const [users, territories, outside, options] = await Promise.all([
    listUsers({ actor }),
    listAllTerritories(),
    listOutsideRequests({ actor }),
    listTerritoryOptions(),
  ]);
  const { rattachee, territoire } = await searchParams;
  return (
    <>
      <PageHeader title="Administration du dispositif">
        {territories.length} territoires, {users.length} comptes.
      </PageHeader>
      {rattachee && territoire ? (
        <div className="mb-6">
          <Alert tone="success">
            Demande {rattachee} rattachée au territoire {territoire} : ses coordinateurs sont prévenus.
          </Alert>
        </div>
      ) : null}
      <section aria-labelledby="hors-territoire" className="mb-8">
        <h2 id="hors-territoire" className="mb-3 text-xl font-semibold">
          Demandes hors territoire ({outside.length})
        </h2>
        <p className="mb-3 text-slate-700">
          Leur commune n&apos;est couverte par aucun territoire : les coordinateurs du département les voient aussi. Rattachez chacune au territoire qui doit la
          traiter ; pour les suivantes, ajoutez la commune à ce territoire.
        </p>
        <OutsideRequests requests={outside} territories={options} />
      </section>
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
