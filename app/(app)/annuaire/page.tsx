import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/authz/permissions";
import { searchStructures } from "@/lib/directory/search-structures";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { ZDirectorySearchParams } from "@/lib/directory/schemas";
import { findCommuneOption } from "@/lib/requests/commune-options";
import { NEED_LABELS, PLACE_OF_CARE_LABELS } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { DirectorySearchForm } from "@/components/directory/search-form";
import { StructureCard } from "@/components/directory/structure-card";

export const metadata: Metadata = { title: "Annuaire" };

const PAGE_SIZE = 20;

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const query = ZDirectorySearchParams.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const actor = await requirePermission("directory.read", "/annuaire");
  const canSeeInactive = can(actor, "directory.manage");
  const [commune, result] = await Promise.all([
    findCommuneOption({ code: query.commune }),
    searchStructures({
      communeCode: query.commune,
      need: query.besoin,
      type: query.type,
      setting: query.lieu,
      limit: PAGE_SIZE,
      cursor: query.apres,
      includeInactive: canSeeInactive && query.inactives === "1",
    }),
  ]);
  const now = new Date();
  const needLabel = query.besoin ? NEED_LABELS[query.besoin] : null;
  const searched = Boolean(query.commune || query.besoin || query.type || query.lieu);
  const next = new URLSearchParams(
    Object.entries({ ...query, apres: result.nextCursor ?? undefined }).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

  return (
    <>
      <PageHeader title="Annuaire des ressources">
        Qui appeler, en ligne directe, pour un patient d&apos;une commune : équipes de soins palliatifs, HAD, SSIAD, réseaux, psychologues…
      </PageHeader>
      {can(actor, "directory.manage") || can(actor, "directory.import") ? (
        <p className="mb-4 flex flex-wrap gap-x-4 gap-y-2">
          {can(actor, "directory.manage") ? (
            <Link href="/annuaire/nouvelle" className="font-medium text-brand-700 underline">
              Ajouter une structure
            </Link>
          ) : null}
          {can(actor, "directory.import") ? (
            <Link href="/annuaire/import" className="font-medium text-brand-700 underline">
              Importer ou exporter (CSV)
            </Link>
          ) : null}
        </p>
      ) : null}
      <DirectorySearchForm
        commune={commune}
        need={query.besoin ?? ""}
        type={query.type ?? ""}
        setting={query.lieu ?? ""}
        includeInactive={query.inactives === "1"}
        needs={options(NEED_LABELS)}
        types={options(STRUCTURE_TYPE_LABELS)}
        settings={options(PLACE_OF_CARE_LABELS)}
        canSeeInactive={canSeeInactive}
      />
      <section aria-labelledby="resultats">
        <h2 id="resultats" className="mb-3 text-xl font-semibold text-slate-900" aria-live="polite">
          {resultsTitle(result.items.length, Boolean(result.nextCursor), query.apres !== undefined, result.commune?.name ?? null, needLabel, searched)}
        </h2>
        {result.items.length === 0 ? (
          <p className="text-slate-700">
            {query.commune
              ? "Aucune structure de l'annuaire ne couvre cette commune pour ces critères : appelez le numéro du territoire, l'infirmière de coordination trouvera une solution."
              : "Aucune structure ne correspond à ces critères."}
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {result.items.map((s) => (
              <li key={s.id} className="flex flex-col">
                <StructureCard structure={s} needLabel={needLabel} now={now} />
              </li>
            ))}
          </ul>
        )}
        {result.nextCursor ? (
          <p className="mt-4">
            <Link href={`/annuaire?${next.toString()}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              Structures suivantes
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

function resultsTitle(count: number, more: boolean, paged: boolean, communeName: string | null, needLabel: string | null, searched: boolean): string {
  if (!searched) return "Toutes les structures";
  const what = count === 0 ? "Aucune structure" : `${count}${more ? "+" : ""} structure${count > 1 ? "s" : ""}${paged ? " (suite)" : ""}`;
  const where = communeName ? ` pour ${communeName}` : "";
  const need = needLabel ? ` · ${needLabel}` : "";
  return `${what}${where}${need}`;
}
