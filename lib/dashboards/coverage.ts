// Coverage against the norms (seed 004), on real populations (INSEE, per commune): mobile palliative
// teams (EMSP) and identified palliative beds (LISP) of the active structures of the directory, and
// the territories that have a palliative care unit (USP) and a palliative network (one each). A
// structure belongs to the département of its address (else of the territory that administers
// it), and to the territory that administers it. Directory data, not patient data: counted in
// full, whatever the actor's territories.
import type { Db } from "@/lib/db";
import type { Area, CoverageRow } from "@/lib/dashboards/types";
import type { CoverageNorms } from "@/lib/dashboards/norms";
import type { ScopeContext } from "@/lib/dashboards/scope";

type StructureRow = { department_code: string | null; territory_id: string | null; teams: number; beds: number; usps: number; networks: number };

// Per département, from the 35,000 communes: read once per process (reference data).
let populationCache: { db: Db; at: number; value: Promise<Map<string, number>> } | null = null;

function departmentPopulations(db: Db): Promise<Map<string, number>> {
  if (populationCache && populationCache.db === db && Date.now() - populationCache.at < 10 * 60_000) return populationCache.value;
  const value = db.$queryRaw<{ code: string; population: number }[]>`
    SELECT department_code AS code, sum(population)::float8 AS population FROM commune GROUP BY department_code`.then(
    (rows) => new Map(rows.map((r) => [r.code, r.population])),
  );
  populationCache = { db, at: Date.now(), value };
  value.catch(() => (populationCache = null));
  return value;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function readCoverage(db: Db, ctx: ScopeContext, areas: Area[], norms: CoverageNorms): Promise<CoverageRow[]> {
  if (areas.length === 0) return [];
  const territoryIds = areas.filter((a) => a.level === "territory").map((a) => a.code);
  const [structures, departments, territories, allTerritories] = await Promise.all([
    db.$queryRaw<StructureRow[]>`
      SELECT coalesce(ac.department_code, t.department_code) AS department_code, s.territory_id,
        count(*) FILTER (WHERE s.type = 'EMSP')::int AS teams,
        coalesce(sum(s.beds) FILTER (WHERE s.type = 'LISP'), 0)::int AS beds,
        count(*) FILTER (WHERE s.type = 'USP')::int AS usps,
        count(*) FILTER (WHERE s.type = 'PALLIATIVE_NETWORK')::int AS networks
      FROM structure s
      LEFT JOIN commune ac ON ac.code = s.address_commune_code
      LEFT JOIN territory t ON t.id = s.territory_id
      WHERE s.active AND s.type IN ('EMSP', 'LISP', 'USP', 'PALLIATIVE_NETWORK')
      GROUP BY 1, 2`,
    departmentPopulations(db),
    territoryIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ id: string; population: number }[]>`
          SELECT tc.territory_id AS id, sum(c.population)::float8 AS population
          FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code
          WHERE tc.territory_id = ANY(${territoryIds}::text[]) GROUP BY tc.territory_id`,
    db.territory.findMany({ select: { id: true, departmentCode: true } }),
  ]);
  // A territory "has" a USP or a network when one of the structures it administers is one.
  const withUsp = new Set(structures.filter((s) => s.usps > 0 && s.territory_id).map((s) => s.territory_id!));
  const withNetwork = new Set(structures.filter((s) => s.networks > 0 && s.territory_id).map((s) => s.territory_id!));
  const territoryPopulation = new Map(territories.map((t) => [t.id, t.population]));
  const regionOf = (department: string | null) => (department ? ctx.geography.departments.get(department)?.regionCode : undefined);

  return areas.map((area) => {
    const inArea = areaContains(ctx, area);
    const mine = structures.filter((s) => inArea(s.department_code, s.territory_id));
    const mobileTeams = mine.reduce((n, s) => n + s.teams, 0);
    const palliativeBeds = mine.reduce((n, s) => n + s.beds, 0);
    const areaTerritories = allTerritories.filter((t) => inArea(t.departmentCode, t.id));
    const territoriesWithUsp = areaTerritories.filter((t) => withUsp.has(t.id)).length;
    const territoriesWithNetwork = areaTerritories.filter((t) => withNetwork.has(t.id)).length;
    let population = 0;
    if (area.level === "territory") population = territoryPopulation.get(area.code) ?? 0;
    else
      for (const [code, p] of departments)
        if (area.level === "country" || (area.level === "region" ? regionOf(code) === area.code : code === area.code)) population += p;
    const mobileTeamsPer200k = population > 0 ? round2((mobileTeams / population) * 200_000) : 0;
    const palliativeBedsPer100k = population > 0 ? round2((palliativeBeds / population) * 100_000) : 0;
    return {
      area,
      population,
      mobileTeams,
      mobileTeamsPer200k,
      mobileTeamsNorm: norms.mobileTeamsPer200k,
      palliativeBeds,
      palliativeBedsPer100k,
      palliativeBedsNorm: norms.palliativeBedsPer100k,
      meetsMobileTeamNorm: mobileTeamsPer200k >= norms.mobileTeamsPer200k,
      meetsBedNorm: palliativeBedsPer100k >= norms.palliativeBedsPer100k,
      usps: mine.reduce((n, s) => n + s.usps, 0),
      palliativeNetworks: mine.reduce((n, s) => n + s.networks, 0),
      territories: areaTerritories.length,
      territoriesWithUsp,
      territoriesWithNetwork,
      meetsUspNorm: areaTerritories.length > 0 && territoriesWithUsp === areaTerritories.length,
      meetsNetworkNorm: areaTerritories.length > 0 && territoriesWithNetwork === areaTerritories.length,
    };
  });
}

/** Whether a row of a département and a territory (either may be unknown) lies in the area. */
export function areaContains(ctx: ScopeContext, area: Area): (departmentCode: string | null, territoryId: string | null) => boolean {
  const regionOf = (department: string | null) => (department ? ctx.geography.departments.get(department)?.regionCode : undefined);
  return (departmentCode, territoryId) =>
    area.level === "country"
      ? true
      : area.level === "region"
        ? regionOf(departmentCode) === area.code
        : area.level === "department"
          ? departmentCode === area.code
          : territoryId === area.code;
}
