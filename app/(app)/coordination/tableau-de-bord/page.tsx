import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardView, type DashboardLinks } from "@/components/dashboards/dashboard-view";
import { parseDashboardQuery } from "@/lib/dashboards/params";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";

export const metadata: Metadata = { title: "Tableau de bord" };

const LINKS: DashboardLinks = {
  basePath: "/coordination/tableau-de-bord",
  exportPath: "/coordination/tableau-de-bord/export",
  reportPath: (territoryCode) => `/coordination/tableau-de-bord/rapport/${encodeURIComponent(territoryCode)}`,
};

// The same dashboards as the ARS, bounded to the coordinator's own territories (lib/dashboards
// scopes every figure by the actor's memberships).
export default async function CoordinationDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("dashboards.view", "/coordination/tableau-de-bord");
  const query = parseDashboardQuery(await searchParams);
  const { dashboard, trail } = await loadDashboard({ actor, area: query.area, period: query.period });
  return (
    <>
      <PageHeader title="Tableau de bord de vos territoires">
        Activité, délais, besoins non couverts et couverture des territoires que vous coordonnez, pour le rapport d&apos;activité et le pilotage.
      </PageHeader>
      <DashboardView dashboard={dashboard} query={query} trail={trail} links={LINKS} />
    </>
  );
}
