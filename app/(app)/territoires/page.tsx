import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";

export const metadata: Metadata = { title: "Territoires" };

export default async function TerritoriesPage() {
  await requirePermission("territories.read", "/territoires");
  const territories = await listAllTerritories();
  return (
    <>
      <PageHeader title="Territoires et guichets uniques">Un numéro par territoire, ses horaires et les délais de réponse garantis.</PageHeader>
      <TerritoryList territories={territories} showSize empty="Aucun territoire n'est encore ouvert." />
    </>
  );
}
