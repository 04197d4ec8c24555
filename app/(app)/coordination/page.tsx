import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listCoordinationQueue } from "@/lib/requests/coordination-queries";
import { parseQueueFilters } from "@/lib/requests/coordination-queue";
import { listActorTerritories } from "@/lib/territories/queries";
import { countOverdue } from "@/lib/notifications/queries";
import { cursorParam, pageHref } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { MyTerritories } from "@/components/coordination/my-territories";
import { QueueFilters, StatusCounts } from "@/components/coordination/queue-filters";
import { QueueList } from "@/components/coordination/queue-list";

export const metadata: Metadata = { title: "File des demandes" };

export default async function CoordinationQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("requests.coordinate", "/coordination");
  const params = await searchParams;
  const filters = parseQueueFilters(params);
  const cursor = cursorParam(params);
  const [queue, territories, overdue] = await Promise.all([
    listCoordinationQueue({ actor, filters, cursor }),
    listActorTerritories(actor),
    countOverdue({ actor }),
  ]);
  const filtered = Boolean(filters.status || filters.need || filters.urgency || filters.outside);
  const shown = filters.status ? queue.counts.byStatus[filters.status] : queue.counts.total;
  return (
    <>
      <PageHeader title="File des demandes">
        Les demandes ouvertes de vos territoires, la plus urgente à traiter en premier (délais comptés en heures d&apos;ouverture).
      </PageHeader>
      <div className="flex flex-col gap-5">
        {typeof params.rattachee === "string" && typeof params.territoire === "string" ? (
          <Alert tone="success">
            Demande {params.rattachee} rattachée au territoire {params.territoire} : ses coordinateurs sont prévenus.
          </Alert>
        ) : null}
        <p>
          <Link
            href="/coordination/appel"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Enregistrer un appel
          </Link>
        </p>
        <StatusCounts counts={queue.counts} filters={filters} />
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          <span className={queue.counts.overdue > 0 ? "font-semibold text-red-800" : "text-slate-700"}>
            {queue.counts.overdue === 0 ? "Aucune demande en retard" : `${queue.counts.overdue} demande${queue.counts.overdue > 1 ? "s" : ""} en retard`}
          </span>
          <span data-testid="overdue-steps" className={overdue.triage + overdue.contact > 0 ? "font-semibold text-red-800" : "text-slate-700"}>
            Tri en retard : {overdue.triage} · Premier contact en retard : {overdue.contact}
          </span>
          <span className={queue.counts.needsReorientation > 0 ? "font-semibold text-amber-900" : "text-slate-700"}>
            {queue.counts.needsReorientation === 0
              ? "Aucune demande à réorienter"
              : `${queue.counts.needsReorientation} demande${queue.counts.needsReorientation > 1 ? "s" : ""} à réorienter`}
          </span>
        </p>
        {queue.counts.outside > 0 && !filters.outside ? (
          <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {queue.counts.outside === 1
              ? "1 demande hors territoire : sa commune n'est couverte par aucun territoire, elle n'arrive chez personne tant qu'on ne la rattache pas. "
              : `${queue.counts.outside} demandes hors territoire : leurs communes ne sont couvertes par aucun territoire, elles n'arrivent chez personne tant qu'on ne les rattache pas. `}
            <Link href="/coordination?hors-territoire=1" className="font-medium underline">
              Les voir
            </Link>
          </p>
        ) : null}
        <QueueFilters filters={filters} />
        <section aria-labelledby="file-titre">
          <h2 id="file-titre" className="mb-3 text-xl font-semibold">
            {filtered ? "Demandes correspondant aux filtres" : "Demandes ouvertes"} ({shown})
          </h2>
          {queue.items.length === 0 ? (
            <p className="text-slate-700">{filtered ? "Aucune demande ouverte ne correspond à ces filtres." : "Aucune demande ouverte : la file est vide."}</p>
          ) : (
            <QueueList items={queue.items} showTerritory={territories.length > 1} />
          )}
          <Pager
            label="Pages de la file"
            firstHref={cursor ? pageHref("/coordination", params, null) : null}
            nextHref={queue.next ? pageHref("/coordination", params, queue.next) : null}
          />
        </section>
        <MyTerritories territories={territories} />
      </div>
    </>
  );
}
