// The file downloads of the dashboards (CSV of a table, PDF of a yearly report), shared by the ARS
// and coordination routes. Same three steps as a page: session → permission → parse → lib. The
// figures are the page's own (lib/dashboards: aggregates, masked), written through the same table
// descriptions: a download never holds more than the page shows.
import { z } from "zod";
import type { Actor } from "@/lib/authz/actor";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { toAppError } from "@/lib/errors";
import { exportTableCsv } from "@/lib/dashboards/csv";
import { getAreaTree, getDashboard } from "@/lib/dashboards/indicators";
import type { Dashboard, Level, Period } from "@/lib/dashboards/types";
import { formatDate, parisYear } from "@/lib/time";
import { FIRST_YEAR, parseDashboardQuery, periodOf, type PeriodChoice } from "@/lib/dashboards/params";
import { formatPeriodDates } from "@/lib/dashboards/format";
import { dashboardTables, tableById, TABLE_IDS } from "@/lib/dashboards/tables";
import { renderReportPdf } from "@/components/dashboards/report-pdf";
import { topArea } from "@/lib/dashboards/load-dashboard";

const NO_STORE = { "Cache-Control": "private, no-store" };

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
}

function slug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function periodSlug(choice: PeriodChoice): string {
  return choice.kind === "year" ? String(choice.year) : `${choice.from}_${choice.to}`;
}

async function dashboardOf(actor: Actor, area: { level: Level; code: string } | null, period: Period): Promise<Dashboard | Response> {
  try {
    const target = area ?? topArea(await getAreaTree({ actor }));
    return await getDashboard({ actor, level: target.level, code: target.code, period });
  } catch (error) {
    const e = toAppError(error);
    return plain(e.status, e.message);
  }
}

// GET …/export?niveau=departement&code=55&annee=2025&tableau=besoin → one table as CSV.
export async function exportCsv(request: Request): Promise<Response> {
  const { actor, refused } = await requireApiPermission(request, "dashboards.view");
  if (refused) return refused;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const table = z.enum(TABLE_IDS).safeParse(params.tableau);
  if (!table.success) return plain(400, `Tableau inconnu. Tableaux disponibles : ${TABLE_IDS.join(", ")}.`);
  const query = parseDashboardQuery(params);
  if (query.problem) return plain(400, query.problem);
  const dashboard = await dashboardOf(actor, query.area, query.period);
  if (dashboard instanceof Response) return dashboard;
  const spec = tableById(dashboardTables(dashboard), table.data);
  if (!spec) return plain(404, "Ce tableau n'existe pas pour cette zone.");
  const csv = exportTableCsv({ headers: spec.headers, rows: spec.rows.map((row) => row.map((cell) => cell.value)) });
  const filename = `maillage-${spec.id}-${slug(dashboard.area.name)}-${periodSlug(query.choice)}.csv`;
  return new Response(csv, {
    headers: { ...NO_STORE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` },
  });
}

export const ZReportYear = z.coerce.number().int().min(FIRST_YEAR).max(2100);

// The report's year: ?annee=2025, this year by default (never a future one).
export function reportYear(value: unknown, now = new Date()): number | null {
  const thisYear = parisYear(now);
  if (value === undefined || value === null || value === "") return thisYear;
  const parsed = ZReportYear.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success && parsed.data <= thisYear ? parsed.data : null;
}

// GET …/rapport/<territory>/pdf?annee=2025 → the yearly activity report as a PDF.
export async function reportPdf(request: Request, territoryId: string): Promise<Response> {
  const { actor, refused } = await requireApiPermission(request, "dashboards.view");
  if (refused) return refused;
  const year = reportYear(new URL(request.url).searchParams.get("annee"));
  if (year === null) return plain(400, "Année invalide.");
  const dashboard = await dashboardOf(actor, { level: "territory", code: territoryId }, periodOf({ kind: "year", year }));
  if (dashboard instanceof Response) return dashboard;
  const pdf = await renderReportPdf({
    dashboard,
    tables: dashboardTables(dashboard),
    title: `Rapport d'activité ${year}`,
    periodLabel: formatPeriodDates(dashboard.period),
    generatedAt: formatDate(new Date()),
  });
  const filename = `rapport-activite-${year}-${slug(dashboard.area.name)}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...NO_STORE,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.length),
    },
  });
}
