import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/require-permission";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";

export const metadata: Metadata = { title: "Mes demandes" };

export default async function GpHomePage() {
  const actor = await requirePermission("home.gp", "/demandes");
  const territories = await listAllTerritories();
  return (
    <>
      <PageHeader title={`Bonjour ${actor.name}`}>
        Pour une demande d&apos;appui en soins de support ou palliatifs, appelez le guichet unique de votre territoire : une
        infirmière de coordination trouve la bonne équipe et vous répond dans le délai annoncé.
      </PageHeader>
      <section aria-labelledby="guichets">
        <h2 id="guichets" className="mb-3 text-xl font-semibold">
          Guichets uniques des territoires
        </h2>
        <TerritoryList territories={territories} empty="Aucun territoire n'est encore ouvert." />
      </section>
    </>
  );
}
