import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { openMyRequests } from "@/lib/requests/gp-queries";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { MyRequestList } from "@/components/requests/my-request-list";
import { TerritoryNumbers } from "@/components/requests/territory-numbers";

export const metadata: Metadata = { title: "Mes demandes" };

const ZSearch = z.object({ apres: z.string().min(1).max(64).optional().catch(undefined) });

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("requests.readOwn", "/demandes");
  const { apres } = ZSearch.parse(await searchParams);
  const [page, territories] = await Promise.all([openMyRequests({ actor, cursor: apres }), listAllTerritories()]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="Mes demandes">Vos demandes d&apos;appui, la plus récente d&apos;abord, et où chacune en est.</PageHeader>
        <Link
          href="/demandes/nouvelle"
          className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-base font-medium text-white hover:bg-brand-800 sm:w-auto"
        >
          Nouvelle demande
        </Link>
      </div>

      <section aria-labelledby="liste-demandes">
        <h2 id="liste-demandes" className="sr-only">
          Liste des demandes
        </h2>
        {page.items.some((r) => r.hasNews) ? (
          <p className="mb-3 font-medium text-slate-900" role="status">
            {page.items.filter((r) => r.hasNews).length === 1
              ? "1 demande a évolué depuis votre dernière consultation."
              : `${page.items.filter((r) => r.hasNews).length} demandes ont évolué depuis votre dernière consultation.`}
          </p>
        ) : null}
        {page.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-4 text-slate-700">
            {apres ? "Aucune demande plus ancienne." : "Vous n'avez encore envoyé aucune demande. Une demande se remplit en moins de deux minutes."}
          </p>
        ) : (
          <MyRequestList items={page.items} />
        )}
        {page.nextCursor ? (
          <p className="mt-4">
            <Link href={`/demandes?apres=${encodeURIComponent(page.nextCursor)}`} className="font-medium text-brand-700 underline">
              Demandes plus anciennes
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="guichets">
        <h2 id="guichets" className="text-lg font-semibold">
          Guichets uniques des territoires
        </h2>
        <p className="mb-3 text-sm text-slate-700">Pour une situation urgente, appelez directement le guichet unique de votre territoire.</p>
        <TerritoryNumbers territories={territories} />
      </section>
    </div>
  );
}
