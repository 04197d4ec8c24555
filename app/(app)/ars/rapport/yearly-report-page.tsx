import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDashboard } from "@/lib/dashboards/indicators";
import { ReportView } from "@/components/dashboards/report-view";
import { dashboardSearch, FIRST_YEAR, periodOf } from "@/lib/dashboards/params";
import { parisYear } from "@/lib/time";
import { pageError } from "@/lib/authz/page-access";
import { reportYear } from "@/components/dashboards/downloads";

type Props = {
  params: Promise<{ territoryId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The yearly activity report of one territory (ARS and coordination routes): a printable page,
// its PDF next to it, the other years one click away.
export async function YearlyReportPage({ params, searchParams, basePath }: Props & { basePath: string }) {
  const { territoryId } = await params;
  const actor = await requirePermission("dashboards.view", `${basePath}/rapport/${encodeURIComponent(territoryId)}`);
  const year = reportYear((await searchParams).annee);
  if (year === null) notFound();
  const dashboard = await getDashboard({ actor, level: "territory", code: territoryId, period: periodOf({ kind: "year", year }) }).catch(pageError);
  const code = encodeURIComponent(dashboard.area.code);
  const years = [];
  for (let y = parisYear(new Date()); y >= Math.max(FIRST_YEAR, year - 4); y--) years.push({ year: y, href: `${basePath}/rapport/${code}?annee=${y}` });
  return (
    <ReportView
      dashboard={dashboard}
      year={year}
      pdfHref={`${basePath}/rapport/${code}/pdf?annee=${year}`}
      backHref={`${basePath}${dashboardSearch(dashboard.area, { kind: "year", year })}`}
      years={years}
    />
  );
}
