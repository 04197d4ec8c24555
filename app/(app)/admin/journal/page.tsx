import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { fieldErrors } from "@/lib/action-result";
import { JOURNAL_PAGE, searchJournal, ZJournalFilters } from "@/lib/journal/search-journal";
import { cursorParam, pageHref } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Alert } from "@/components/ui/alert";
import { JournalFilters } from "@/components/journal/journal-filters";
import { JournalTable } from "@/components/journal/journal-table";

export const metadata: Metadata = { title: "Journal" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function JournalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("audit.read", "/admin/journal");
  const params = await searchParams;
  const values = { numero: first(params.numero), personne: first(params.personne), du: first(params.du), au: first(params.au) };
  const parsed = ZJournalFilters.safeParse(values);
  const result = parsed.success ? await searchJournal({ actor, filters: parsed.data, cursor: cursorParam(params) }) : null;
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== "")).toString();

  return (
    <>
      <PageHeader title="Journal des événements">
        Qui a fait quoi, et qui a consulté quel dossier : chaque connexion, chaque consultation d&apos;un dossier, chaque changement. Le journal est en ajout
        seul, et chaque recherche ici y est elle-même inscrite.
      </PageHeader>
      <div className="flex flex-col gap-5">
        <JournalFilters values={values} errors={parsed.success ? {} : fieldErrors(parsed.error)} />
        {!parsed.success ? <Alert tone="error">Certains champs sont à corriger.</Alert> : null}
        {result?.unknown === "request" ? <Alert tone="error">Aucune demande ne porte ce numéro.</Alert> : null}
        {result?.unknown === "person" ? <Alert tone="error">Aucun compte n&apos;a cette adresse e-mail.</Alert> : null}
        {result && !result.unknown ? (
          <section aria-labelledby="journal-resultats">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="journal-resultats" className="text-xl font-semibold">
                Événements {result.items.length === JOURNAL_PAGE || cursorParam(params) ? "(par pages de 50)" : `(${result.items.length})`}
              </h2>
              <a href={`/admin/journal/export${query ? `?${query}` : ""}`} className="font-medium text-brand-700 underline" download>
                Exporter en CSV
              </a>
            </div>
            {result.items.length === 0 ? <p className="text-slate-700">Aucun événement pour cette recherche.</p> : <JournalTable entries={result.items} />}
            <Pager
              label="Pages du journal"
              firstHref={cursorParam(params) ? pageHref("/admin/journal", params, null) : null}
              nextHref={result.next ? pageHref("/admin/journal", params, result.next) : null}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
