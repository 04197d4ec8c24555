import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/authz/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { getStructureForEdit, listTerritoryOptions } from "@/lib/directory/queries";
import { findCommuneOption } from "@/lib/requests/commune-options";
import { PageHeader } from "@/components/ui/page-header";
import { ContactsForm, StructureForm } from "@/components/directory/structure-form";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Modifier une structure" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

export default async function EditStructurePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const actor = await requirePermission("directory.edit", `/annuaire/${encodeURIComponent(id)}/modifier`);
  const structure = await forPage(getStructureForEdit({ actor, id }));
  const manage = can(actor, "directory.manage");
  const [territories, addressCommune] = manage
    ? await Promise.all([listTerritoryOptions(), findCommuneOption({ code: structure.values.addressCommuneCode })])
    : [[], null];
  const choices = actor.role === "ADMIN" ? territories : territories.filter((t) => actor.territoryIds.includes(t.id) || t.id === structure.territoryId);
  return (
    <>
      <BackLink href={`/annuaire/${structure.id}`}>{structure.name}</BackLink>
      <PageHeader title={manage ? "Modifier la fiche" : "Modifier les coordonnées"}>
        {manage
          ? "Tous les champs sont facultatifs, sauf le nom, le type, le public et la zone d'intervention."
          : "Les coordonnées et horaires de votre équipe ; la zone et l'offre sont tenues par la coordination de votre territoire."}
      </PageHeader>
      {manage ? (
        <StructureForm
          structure={structure}
          values={structure.values}
          addressCommune={addressCommune}
          communes={structure.communes}
          territories={territories}
          territoryChoices={choices}
          allowNoTerritory={actor.role === "ADMIN"}
        />
      ) : (
        <ContactsForm structure={structure} values={structure.values} />
      )}
    </>
  );
}
