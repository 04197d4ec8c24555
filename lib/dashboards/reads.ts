// The SQL reads of a dashboard. Counts come from the monthly cube (dashboard_cell) for the whole
// months of the period and from the facts (through the view dashboard_fact_cell, same rules) for
// the part-months at its edges; delays and the active file come from the fact rows.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { Period } from "@/lib/dashboards/types";
import { splitPeriod } from "@/lib/dashboards/periods";
import { cellScopeSql, factCellScopeSql, scopedFactsSql, type DashboardScope } from "@/lib/dashboards/scope";
import { SMALL_COUNT } from "@/lib/dashboards/mask";

// Areas whose figures a dashboard needs (see protect.ts): France, every région in scope, the
// départements of one région, the territories of one département.
// singleRegion: the actor's scope lies in one région (an ARS): France is then that région, and its
// figures are copied rather than counted a second time.
export type FamilyTargets = { regionCode: string | null; departmentCode: string | null; territoryIds: string[]; singleRegion: boolean };

export type AreaKey = `${"country" | "region" | "department" | "territory"}:${string}`;

// Per area: "dim:key" → count ("requests", "channel:PHONE", "month:2026-01", "unmetCommune:PAIN|55029"...).
export type AreaCounts = Map<string, number>;

type CellRow = { level: string; code: string; dim: string; key: string; month: string | null; n: number };

const DIM_NAMES: Record<string, string> = {
  requests: "requests",
  origin: "origin",
  channel: "channel",
  urgency: "urgency",
  need: "need",
  outcome: "outcome",
  unmet: "unmet",
  unmet_need: "unmetNeed",
  unmet_commune: "unmetCommune",
  triaged: "triaged",
  contacted: "contacted",
  new_patient: "newPatients",
  ref_proposed: "refProposed",
  ref_accepted: "refAccepted",
  ref_declined: "refDeclined",
  ref_off_suggestion: "refOffSuggestion",
  intervention: "intervention",
  intervention_by: "interventionBy",
  pallia_screened: "palliaScreened",
  pallia_positive: "palliaPositive",
  rcp_discussed: "rcpDiscussed",
  decline_reason: "declineReason",
};

export function cellName(dim: string, key: string): string {
  const name = DIM_NAMES[dim] ?? dim;
  return key === "" ? name : `${name}:${key}`;
}

function add(map: Map<AreaKey, AreaCounts>, area: AreaKey, name: string, n: number) {
  let counts = map.get(area);
  if (!counts) map.set(area, (counts = new Map()));
  counts.set(name, (counts.get(name) ?? 0) + n);
}

// The levels a family read groups by, each as (level, code expression, row filter). France is left
// out for a one-région scope: the caller copies the région's figures (copyCountryFromRegion).
type Grouping = (level: string, code: Prisma.Sql, where: Prisma.Sql) => Prisma.Sql;
function familyLevels(targets: FamilyTargets, grouped: Grouping): Prisma.Sql[] {
  const selects = [grouped("region", Prisma.sql`region_code`, Prisma.sql`true`)];
  if (!targets.singleRegion) selects.unshift(grouped("country", Prisma.sql`'FR'`, Prisma.sql`true`));
  if (targets.regionCode) {
    // In a one-région scope every row is the région's: no filter (whose estimate would also mislead
    // the planner into sorting 90,000 cells for ten years instead of hashing them).
    const inRegion = targets.singleRegion ? Prisma.sql`true` : Prisma.sql`region_code = ${targets.regionCode}`;
    selects.push(grouped("department", Prisma.sql`department_code`, inRegion));
  }
  if (targets.departmentCode && targets.territoryIds.length > 0) {
    selects.push(grouped("territory", Prisma.sql`territory_id`, Prisma.sql`territory_id = ANY(${targets.territoryIds}::text[])`));
  }
  return selects;
}

function copyCountryFromRegion<V>(targets: FamilyTargets, result: Map<AreaKey, V>, copy: (value: V) => V): void {
  if (!targets.singleRegion) return;
  const region = [...result.keys()].find((key) => key.startsWith("region:"));
  if (region) result.set("country:FR", copy(result.get(region)!));
}

export async function readFamilyCounts(
  db: Db,
  { scope, period, targets }: { scope: DashboardScope; period: Period; targets: FamilyTargets },
): Promise<Map<AreaKey, AreaCounts>> {
  const split = splitPeriod(period);
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT territory_id, department_code, region_code, month, dim, key, n FROM dashboard_cell
      WHERE month >= ${split.months.from}::date AND month < ${split.months.to}::date AND ${cellScopeSql(scope)}`);
  }
  for (const edge of split.edges) {
    parts.push(Prisma.sql`
      SELECT territory_id, department_code, region_code, month, dim, key, 1 AS n FROM dashboard_fact_cell
      WHERE submitted_at >= ${edge.from} AND submitted_at < ${edge.to} AND ${factCellScopeSql(scope)}`);
  }
  const source = Prisma.join(parts, " UNION ALL ");
  // Per-commune unmet needs only where they are listed (5 and more): the rest is never shown.
  const grouped = (level: string, code: Prisma.Sql, where: Prisma.Sql) => Prisma.sql`
    SELECT ${level}::text AS level, ${code}::text AS code, dim, key, m AS month, sum(n)::int AS n
    FROM c WHERE ${where}
    GROUP BY 2, dim, key, m
    HAVING dim <> 'unmet_commune' OR sum(n) >= ${SMALL_COUNT}`;
  const selects = familyLevels(targets, grouped);
  // m: the month label, for the monthly series of requests only.
  const rows = await db.$queryRaw<CellRow[]>`
    WITH c AS MATERIALIZED (SELECT s.*, CASE WHEN s.dim = 'requests' THEN to_char(s.month, 'YYYY-MM') END AS m FROM (${source}) s)
    ${Prisma.join(selects, " UNION ALL ")}`;

  const result = new Map<AreaKey, AreaCounts>();
  for (const row of rows) {
    const area = `${row.level}:${row.code}` as AreaKey;
    add(result, area, cellName(row.dim, row.key), row.n);
    if (row.month) add(result, area, `month:${row.month}`, row.n);
  }
  copyCountryFromRegion(targets, result, (counts) => new Map(counts));
  return result;
}

// The active file: distinct patients with a request open at some time in the period (a request
// with no identified patient counts as one person). Per area, like readFamilyCounts.
export async function readActiveFile(
  db: Db,
  { scope, period, targets }: { scope: DashboardScope; period: Period; targets: FamilyTargets },
): Promise<Map<AreaKey, number>> {
  const lookBack = new Date(period.from.getTime() - 90 * 86_400_000);
  const grouped = (level: string, code: Prisma.Sql, where: Prisma.Sql) => Prisma.sql`
    SELECT ${level}::text AS level, ${code}::text AS code, count(DISTINCT who)::int AS n FROM a WHERE ${where} GROUP BY 2`;
  // who: a 64-bit hash of the patient (or of the request when no patient is identified), distinct
  // counts on integers being several times cheaper than on text (no collision in practice: 2^64).
  const who = Prisma.sql`hashtextextended(coalesce(patient_id, 'r:' || request_id), 0)`;
  // Each level is a distinct count over every row, the dearest part of a dashboard.
  const selects = familyLevels(targets, grouped);
  const columns = Prisma.sql`territory_id, department_code, region_code, ${who} AS who`;
  const notDuplicate = Prisma.sql`cancel_reason IS DISTINCT FROM 'DUPLICATE'`;
  const rows = await db.$queryRaw<{ level: string; code: string; n: number }[]>`
    WITH a AS MATERIALIZED (
      ${scopedFactsSql(scope, columns, Prisma.sql`submitted_at >= ${lookBack} AND submitted_at < ${period.to} AND active_until >= ${period.from} AND ${notDuplicate}`)}
      UNION ALL
      -- Opened more than 90 days before the period and still open at its start: long_open rows only.
      ${scopedFactsSql(scope, columns, Prisma.sql`long_open AND active_until >= ${period.from} AND submitted_at < ${lookBack} AND ${notDuplicate}`)}
    )
    ${Prisma.join(selects, " UNION ALL ")}`;
  const result = new Map(rows.map((r) => [`${r.level}:${r.code}` as AreaKey, r.n]));
  copyCountryFromRegion(targets, result, (n) => n);
  return result;
}

export type DelayRow = {
  urgency: "CRISIS" | "PLANNED";
  triageP50: number | null;
  triageP90: number | null;
  contactP50: number | null;
  contactP90: number | null;
};

// Median and 90th percentile (interpolated) of the delays of the area's requests submitted in the
// period, per urgency, in opening hours.
export async function readDelays(db: Db, { scope, period, area }: { scope: DashboardScope; period: Period; area: Prisma.Sql }): Promise<DelayRow[]> {
  return db.$queryRaw<DelayRow[]>`
    SELECT urgency::text AS urgency,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY triage_hours) AS "triageP50",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY triage_hours) AS "triageP90",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY first_contact_hours) AS "contactP50",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY first_contact_hours) AS "contactP90"
    FROM (${scopedFactsSql(
      scope,
      Prisma.sql`urgency, triage_hours, first_contact_hours`,
      Prisma.sql`${area} AND submitted_at >= ${period.from} AND submitted_at < ${period.to} AND cancel_reason IS DISTINCT FROM 'DUPLICATE'`,
    )}) f
    GROUP BY urgency`;
}

// The area's own filter on the fact rows.
export function factAreaSql(level: "country" | "region" | "department" | "territory", code: string): Prisma.Sql {
  switch (level) {
    case "country":
      return Prisma.sql`true`;
    case "region":
      return Prisma.sql`region_code = ${code}`;
    case "department":
      return Prisma.sql`department_code = ${code}`;
    case "territory":
      return Prisma.sql`territory_id = ${code}`;
  }
}

// Brings the cube up to date with the facts (what changed since the last read): see the SQL
// function dashboard_refresh in the migration "dashboards".
export async function refreshCube(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ slices: number }[]>`SELECT dashboard_refresh() AS slices`;
  return row?.slices ?? 0;
}
