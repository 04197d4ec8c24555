import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listTerritoryOptions } from "@/lib/directory/queries";
import { PageHeader } from "@/components/ui/page-header";
import { StructureForm } from "@/components/directory/structure-form";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Nouvelle structure" };

export default async function NewStructurePage() {
  const actor = await requirePermission("directory.manage", "/annuaire/nouvelle");
  const territories = await listTerritoryOptions();
  const choices = actor.role === "ADMIN" ? territories : territories.filter((t) => actor.territoryIds.includes(t.id));
  return (
    <>
      <BackLink href="/annuaire">Annuaire</BackLink>
      <PageHeader title="Nouvelle structure">Tous les champs sont facultatifs, sauf le nom, le type, le public et la zone d&apos;intervention.</PageHeader>
      <StructureForm
        values={{ ageGroups: ["ADULT"], capacityStatus: "AVAILABLE" }}
        addressCommune={null}
        communes={[]}
        territories={territories}
        territoryChoices={choices}
        allowNoTerritory={actor.role === "ADMIN"}
      />
    </>
  );
}
