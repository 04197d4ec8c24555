import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/require-permission";
import { listActorTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";

export const metadata: Metadata = { title: "Coordination" };

export default async function CoordinationHomePage() {
  const actor = await requirePermission("home.coordination", "/coordination");
  const territories = await listActorTerritories(actor);
  return (
    <>
      <PageHeader title="Coordination">Bonjour {actor.name}. Vous coordonnez les demandes des territoires suivants.</PageHeader>
      <section aria-labelledby="mes-territoires">
        <h2 id="mes-territoires" className="mb-3 text-xl font-semibold">
          Mes territoires
        </h2>
        <TerritoryList territories={territories} showSize empty="Vous n'êtes rattaché·e à aucun territoire : contactez l'administrateur." />
      </section>
    </>
  );
}
