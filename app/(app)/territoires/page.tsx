import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/authz/permissions";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";

export const metadata: Metadata = { title: "Territoires" };

export default async function TerritoriesPage() {
  const actor = await requirePermission("territories.read", "/territoires");
  const territories = await listAllTerritories();
  const manage = can(actor, "territories.manage");
  return (
    <>
      <PageHeader title="Territoires et guichets uniques">Un numéro par territoire, ses horaires et les délais de réponse garantis.</PageHeader>
      {manage ? (
        <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/territoires/nouveau" className="font-medium text-brand-700 underline">
            Créer un territoire
          </Link>
          <Link href="/territoires/normes" className="font-medium text-brand-700 underline">
            Normes de couverture des tableaux de bord
          </Link>
        </p>
      ) : null}
      <TerritoryList territories={territories} showSize editable={manage} empty="Aucun territoire n'est encore ouvert." />
    </>
  );
}
