// Who sees which areas, and the area tree of the drill-down (France → régions → départements →
// territories).
//
// The rule: an ARS user or a coordinator is a member of territories. They see the areas that
// contain their territories (the région and département of each, and France as the sum of them),
// and in each area only their own data: the requests of their territories, plus the requests from
// communes no territory covers (unmet by construction) in the départements of their territories —
// the gap an agency most needs to see. ADMIN sees everything. GP and TEAM_MEMBER are refused.
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import type { Area, Level } from "@/lib/dashboards/types";
import { departmentsOfTerritories } from "@/lib/geography/queries";

export type DashboardScope = {
  all: boolean; // ADMIN: every territory and every uncovered commune
  territoryIds: string[];
  departmentCodes: string[]; // départements touched by the territories (their uncovered communes are in scope)
};

export type AreaNode = Area & { children: AreaNode[] };

export const COUNTRY: Area = { level: "country", code: "FR", name: "France" };

// Small counts are masked for the ARS and the administrator, who are outside the care circle. A
// coordinator sees exact figures for their own territories: they already read each request.
export function masksSmallCounts(actor: Actor): boolean {
  return actor.role !== "COORDINATOR";
}

type Geography = {
  regions: Map<string, { code: string; name: string }>;
  departments: Map<string, { code: string; name: string; regionCode: string }>;
};

// Régions and départements are reference data (loaded from INSEE): read once per process.
let geographyCache: { db: Db; at: number; value: Promise<Geography> } | null = null;
const GEOGRAPHY_TTL_MS = 10 * 60_000;

export function readGeography(db: Db): Promise<Geography> {
  if (geographyCache && geographyCache.db === db && Date.now() - geographyCache.at < GEOGRAPHY_TTL_MS) return geographyCache.value;
  const value = (async () => {
    const [regions, departments] = await Promise.all([
      db.region.findMany({ select: { code: true, name: true } }),
      db.department.findMany({ select: { code: true, name: true, regionCode: true } }),
    ]);
    return { regions: new Map(regions.map((r) => [r.code, r])), departments: new Map(departments.map((d) => [d.code, d])) };
  })();
  geographyCache = { db, at: Date.now(), value };
  value.catch(() => (geographyCache = null));
  return value;
}

export type ScopedTerritory = { id: string; slug: string; name: string; departmentCode: string };

export type ScopeContext = {
  scope: DashboardScope;
  geography: Geography;
  territories: ScopedTerritory[]; // in scope, by name
  regionCodes: string[]; // in scope
  departmentCodes: string[]; // in scope (the drill-down's départements)
};

export async function resolveScope(db: Db, actor: Actor): Promise<ScopeContext> {
  assertCan(actor, "dashboards.view");
  const geography = await readGeography(db);
  if (actor.role === "ADMIN") {
    const territories = await db.territory.findMany({ select: { id: true, slug: true, name: true, departmentCode: true }, orderBy: { name: "asc" } });
    const departmentCodes = [...geography.departments.keys()].sort();
    return {
      scope: { all: true, territoryIds: territories.map((t) => t.id), departmentCodes },
      geography,
      territories,
      departmentCodes,
      regionCodes: [...geography.regions.keys()].sort(),
    };
  }
  const ids = actor.territoryIds;
  const [territories, touched] = await Promise.all([
    db.territory.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, departmentCode: true }, orderBy: { name: "asc" } }),
    departmentsOfTerritories(db, ids),
  ]);
  const departmentCodes = touched.filter((c) => geography.departments.has(c));
  const regionCodes = [...new Set(departmentCodes.map((c) => geography.departments.get(c)!.regionCode))].sort();
  return { scope: { all: false, territoryIds: territories.map((t) => t.id), departmentCodes }, geography, territories, departmentCodes, regionCodes };
}

function regionArea(ctx: ScopeContext, code: string): Area {
  return { level: "region", code, name: ctx.geography.regions.get(code)?.name ?? code };
}
function departmentArea(ctx: ScopeContext, code: string): Area {
  return { level: "department", code, name: ctx.geography.departments.get(code)?.name ?? code };
}
function territoryArea(t: ScopedTerritory): Area {
  return { level: "territory", code: t.id, name: t.name };
}

const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, "fr");

export function childAreas(ctx: ScopeContext, area: Area): Area[] {
  switch (area.level) {
    case "country":
      return ctx.regionCodes.map((c) => regionArea(ctx, c)).sort(byName);
    case "region":
      return ctx.departmentCodes.filter((c) => ctx.geography.departments.get(c)?.regionCode === area.code).map((c) => departmentArea(ctx, c));
    case "department":
      return ctx.territories.filter((t) => t.departmentCode === area.code).map(territoryArea);
    case "territory":
      return [];
  }
}

// France → the area, each step included (the masking works down this path).
export function resolveAreaPath(ctx: ScopeContext, level: Level, code: string): Area[] {
  const refused = () => new AppError("FORBIDDEN", "Cette zone ne fait pas partie de vos territoires.");
  switch (level) {
    case "country":
      return [COUNTRY];
    case "region": {
      if (!ctx.geography.regions.has(code)) throw new AppError("NOT_FOUND", "Région inconnue.");
      if (!ctx.regionCodes.includes(code)) throw refused();
      return [COUNTRY, regionArea(ctx, code)];
    }
    case "department": {
      const department = ctx.geography.departments.get(code);
      if (!department) throw new AppError("NOT_FOUND", "Département inconnu.");
      if (!ctx.departmentCodes.includes(code)) throw refused();
      return [COUNTRY, regionArea(ctx, department.regionCode), departmentArea(ctx, code)];
    }
    case "territory": {
      // By id (Area.code) or by slug, for readable links.
      const territory = ctx.territories.find((t) => t.id === code || t.slug === code);
      if (!territory) throw ctx.scope.all ? new AppError("NOT_FOUND", "Territoire inconnu.") : refused();
      const department = ctx.geography.departments.get(territory.departmentCode);
      if (!department) throw new AppError("NOT_FOUND", "Département inconnu.");
      return [COUNTRY, regionArea(ctx, department.regionCode), departmentArea(ctx, territory.departmentCode), territoryArea(territory)];
    }
  }
}

// The drill-down the actor may follow: France, their régions, départements and territories.
export async function getAreaTree({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<AreaNode> {
  const ctx = await resolveScope(db, actor);
  const build = (area: Area): AreaNode => ({ ...area, children: childAreas(ctx, area).map(build) });
  return build(COUNTRY);
}

// SQL filters of the actor's data. Facts keep territory_id NULL for "no territory"; the cube and
// its view keep "" (a primary key cannot hold NULL).
//
// The actor's fact rows: SELECT <columns> FROM request_fact WHERE <where> AND <scope>, the scope's
// two branches (its territories; the requests of its départements that no territory covers)
// joined by UNION ALL rather than OR: each branch is then an index-only scan of
// request_fact_scope_covering_idx, where an OR can only be a bitmap scan that visits the table.
export function scopedFactsSql(scope: DashboardScope, columns: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  if (scope.all) return Prisma.sql`SELECT ${columns} FROM request_fact WHERE ${where}`;
  return Prisma.sql`SELECT ${columns} FROM request_fact WHERE ${where} AND territory_id = ANY(${scope.territoryIds}::text[])
    UNION ALL
    SELECT ${columns} FROM request_fact WHERE ${where} AND territory_id IS NULL AND department_code = ANY(${scope.departmentCodes}::text[])`;
}

export function cellScopeSql(scope: DashboardScope): Prisma.Sql {
  if (scope.all) return Prisma.sql`true`;
  return Prisma.sql`(territory_id = ANY(${scope.territoryIds}::text[]) OR (territory_id = '' AND department_code = ANY(${scope.departmentCodes}::text[])))`;
}

// The same scope on the facts seen through the view dashboard_fact_cell (the part-months of a
// period). The leading département condition is implied by the others (departmentCodes holds the
// département of every commune of the territories, and a fact's département is its commune's);
// written out, it lets the planner use request_fact's (department_code, submitted_at) index, which
// the view's coalesce(territory_id, '') hides: 40 → 14 ms for two weeks of a région at national
// scale. (On the cube it would only spoil the row estimates: not there.)
export function factCellScopeSql(scope: DashboardScope): Prisma.Sql {
  if (scope.all) return Prisma.sql`true`;
  return Prisma.sql`department_code = ANY(${scope.departmentCodes}::text[]) AND ${cellScopeSql(scope)}`;
}
