import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { CAPACITY_CODES, CSV_COLUMNS, NEED_CODES, TYPE_CODES } from "@/lib/directory/csv-row";
import { PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/directory/import-panel";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Import et export de l'annuaire" };

export default async function DirectoryImportPage() {
  const actor = await requirePermission("directory.import", "/annuaire/import");
  return (
    <>
      <BackLink href="/annuaire">Annuaire</BackLink>
      <PageHeader title="Import et export de l'annuaire">
        {actor.role === "ADMIN" ? "Toutes les structures de la plateforme." : "Les structures de vos territoires."} Une ligne par structure ; une ligne refusée
        ne modifie rien, les autres sont enregistrées ; importer deux fois le même fichier ne change rien.
      </PageHeader>
      <Card aria-labelledby="exporter" className="mb-6">
        <h2 id="exporter" className="mb-2 text-xl font-semibold">
          Exporter
        </h2>
        <p className="mb-3 text-slate-700">Le fichier exporté sert de modèle : modifiez-le dans un tableur, puis réimportez-le.</p>
        <a
          href="/api/annuaire/export"
          download
          className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
        >
          Télécharger l&apos;annuaire (CSV)
        </a>
      </Card>
      <section aria-labelledby="importer" className="mb-6">
        <h2 id="importer" className="mb-3 text-xl font-semibold">
          Importer
        </h2>
        <ImportPanel />
      </section>
      <Card as="details">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">Format du fichier</summary>
        <div className="mt-2 flex flex-col gap-2 text-sm text-slate-800">
          <p>Colonnes, dans n&apos;importe quel ordre : {CSV_COLUMNS.join(", ")}.</p>
          <p>
            Obligatoires : identifiant_externe (ou finess), nom, type. Une colonne absente du fichier garde la valeur actuelle ; une cellule vide efface la
            valeur. Listes séparées par des virgules ; dates jj/mm/aaaa ; oui / non.
          </p>
          <p>Types : {Object.values(TYPE_CODES).join(", ")}.</p>
          <p>Besoins (colonnes offres_domicile, offres_ehpad, offres_hopital, offres_autre_lieu) : {Object.values(NEED_CODES).join(", ")}.</p>
          <p>Disponibilité (capacite) : {Object.values(CAPACITY_CODES).join(", ")}.</p>
          <p>Horaires : « lun-ven 08:30-12:00, 13:30-17:30; sam 09:00-12:00 ».</p>
        </div>
      </Card>
    </>
  );
}
