import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/require-permission";
import { listActorTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";

export const metadata: Metadata = { title: "Tableaux de bord" };

export default async function ArsHomePage() {
  const actor = await requirePermission("home.ars", "/ars");
  const territories = await listActorTerritories(actor);
  return (
    <>
      <PageHeader title="Tableaux de bord territoriaux">
        Bonjour {actor.name}. Vous suivez l&apos;activité agrégée des territoires ci-dessous ; aucune donnée nominative de patient
        n&apos;est accessible depuis ce profil.
      </PageHeader>
      <section aria-labelledby="territoires-suivis">
        <h2 id="territoires-suivis" className="mb-3 text-xl font-semibold">
          Territoires suivis
        </h2>
        <TerritoryList territories={territories} showSize empty="Aucun territoire ne vous est rattaché : contactez l'administrateur." />
      </section>
    </>
  );
}
