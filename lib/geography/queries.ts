// Reads on the reference geography: the commune autocomplete of the request form and the
// commune → territory lookup that decides which coordination team receives a request.
import type { Db as Client, Tx } from "@/lib/db";
import { normalizeSearchName } from "./reference-data";

// Callable inside or outside a transaction (the request form resolves the territory in its own).
type Db = Client | Tx;

export interface CommuneSearchResult {
  code: string;
  name: string;
  postalCodes: string[];
  departmentCode: string;
  territory?: { id: string; name: string };
}

export interface CommuneTerritory {
  id: string;
  slug: string;
  name: string;
  publicPhone: string;
}

const MAX_LIMIT = 50;

// "55", "550", "55000" (postal code or INSEE code prefix); "2A", "2a004" (Corsican INSEE codes).
const DIGITS = /^\d{2,5}$/;
const CORSICA_CODE = /^2[ab]\d{0,3}$/i;

/**
 * Autocomplete: communes whose name starts with the query (case, accents, hyphens and apostrophes
 * ignored: "bar le d" finds Bar-le-Duc), or whose INSEE code or one of whose postal codes starts
 * with it. Largest population first, so the town people mean comes before its namesakes.
 */
export async function searchCommunes({ prisma, query, limit = 10 }: { prisma: Db; query: string; limit?: number }): Promise<CommuneSearchResult[]> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT);
  const trimmed = query.trim();
  let communes: Omit<CommuneSearchResult, "territory">[];

  if (DIGITS.test(trimmed)) {
    // Postal codes live in an array column. Matching " 55000 55100" against "% 551%" scans the
    // 35,000 rows in ~7 ms (an EXISTS over unnest() takes ~35 ms); no index is worth it here.
    communes = await prisma.$queryRaw<Omit<CommuneSearchResult, "territory">[]>`
      SELECT code, name, postal_codes AS "postalCodes", department_code AS "departmentCode"
      FROM commune
      WHERE code LIKE ${`${trimmed}%`}
         OR ' ' || array_to_string(postal_codes, ' ') LIKE ${`% ${trimmed}%`}
      ORDER BY population DESC, name, code
      LIMIT ${take}`;
  } else if (CORSICA_CODE.test(trimmed)) {
    communes = await prisma.commune.findMany({
      where: { code: { startsWith: trimmed.toUpperCase() } },
      select: { code: true, name: true, postalCodes: true, departmentCode: true },
      orderBy: [{ population: "desc" }, { name: "asc" }, { code: "asc" }],
      take,
    });
  } else {
    const searchName = normalizeSearchName(trimmed);
    if (searchName === "") return [];
    // Served by commune_search_name_prefix_idx (text_pattern_ops): search_name LIKE 'bar le d%'.
    // The normalised query holds only [a-z0-9 ], so it carries no LIKE wildcard.
    communes = await prisma.commune.findMany({
      where: { searchName: { startsWith: searchName } },
      select: { code: true, name: true, postalCodes: true, departmentCode: true },
      orderBy: [{ population: "desc" }, { name: "asc" }, { code: "asc" }],
      take,
    });
  }
  if (communes.length === 0) return [];

  const territories = await territoriesByCommune(
    prisma,
    communes.map((c) => c.code),
  );
  return communes.map((c) => {
    const territory = territories.get(c.code);
    return territory ? { ...c, territory: { id: territory.id, name: territory.name } } : c;
  });
}

/** The territory covering a commune, or null when no coordination team covers it. */
export async function findTerritoryForCommune({ prisma, communeCode }: { prisma: Db; communeCode: string }): Promise<CommuneTerritory | null> {
  return (await territoriesByCommune(prisma, [communeCode])).get(communeCode) ?? null;
}

// A commune is in one territory at most (unique in territory_commune since 2026-12-02).
async function territoriesByCommune(prisma: Db, communeCodes: string[]): Promise<Map<string, CommuneTerritory>> {
  const links = await prisma.territoryCommune.findMany({
    where: { communeCode: { in: communeCodes } },
    select: {
      communeCode: true,
      territory: { select: { id: true, slug: true, name: true, publicPhone: true } },
    },
  });
  const byCommune = new Map<string, CommuneTerritory>();
  for (const link of links) {
    if (!byCommune.has(link.communeCode)) byCommune.set(link.communeCode, link.territory);
  }
  return byCommune;
}

/**
 * The départements of territories: each one's own and those its communes reach. Their communes
 * that no territory covers are the territories' concern too (their coordinators own the requests
 * from there, their dashboards count them as unmet).
 */
export async function departmentsOfTerritories(prisma: Db, territoryIds: string[]): Promise<string[]> {
  if (territoryIds.length === 0) return [];
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    SELECT t.department_code AS code FROM territory t WHERE t.id = ANY(${territoryIds}::text[])
    UNION
    SELECT DISTINCT c.department_code FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code
     WHERE tc.territory_id = ANY(${territoryIds}::text[])
    ORDER BY 1`;
  return rows.map((r) => r.code);
}
