import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardView, type DashboardLinks } from "@/components/dashboards/dashboard-view";
import { parseDashboardQuery } from "@/lib/dashboards/params";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";

export const metadata: Metadata = { title: "Tableaux de bord" };

const LINKS: DashboardLinks = {
  basePath: "/ars",
  exportPath: "/ars/export",
  reportPath: (territoryCode) => `/ars/rapport/${encodeURIComponent(territoryCode)}`,
};

// The agency's home: région → département → territory, over a year or chosen dates. Aggregates
// only (lib/dashboards), small counts masked.
export default async function ArsDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("home.ars", "/ars");
  const query = parseDashboardQuery(await searchParams);
  const { dashboard, trail } = await loadDashboard({ actor, area: query.area, period: query.period });
  return (
    <>
      <PageHeader title="Tableaux de bord territoriaux">
        Activité, délais, besoins non couverts et couverture de vos territoires. Aucune donnée nominative de patient n&apos;est accessible depuis ce profil.
      </PageHeader>
      <DashboardView dashboard={dashboard} query={query} trail={trail} links={LINKS} />
    </>
  );
}
