// The directory search (/annuaire): which structures cover a commune, for a need (in a care
// setting), of a type. Called by the page and by the benchmark (`npm run bench`), so it takes its
// client and plain criteria, no actor: every signed-in professional sees the same directory.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CapacityStatus, Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { prisma, type Db } from "@/lib/db";
import { communesToName, summarizeCoverage, type CoverageMatch } from "@/lib/directory/coverage";
import { decodeCursor, encodeCursor } from "@/lib/pagination";

export type SearchStructuresInput = {
  communeCode?: string;
  need?: Need;
  type?: StructureType;
  setting?: PlaceOfCare;
  /** Results per page (1-100). */
  limit: number;
  /** From the previous page's nextCursor. */
  cursor?: string;
  /** Deactivated structures too (for those who can reactivate them). */
  includeInactive?: boolean;
  db?: Db;
};

export type StructureSearchResult = {
  id: string;
  name: string;
  type: StructureType;
  active: boolean;
  phone: string | null;
  referentName: string | null;
  referentPhone: string | null;
  onCall24h: boolean;
  capacityStatus: CapacityStatus;
  capacitySince: Date | null;
  capacityConfirmedAt: Date | null;
  addressCommuneName: string | null;
  coverageSummary: string;
  /** How it covers the searched commune (null without a commune). */
  coverageMatch: CoverageMatch | null;
  /** The care settings where it serves the searched need (all its offers' settings without a need). */
  settings: PlaceOfCare[];
};

export type SearchStructuresResult = { items: StructureSearchResult[]; nextCursor: string | null; commune: { code: string; name: string } | null };

type Row = {
  id: string;
  name: string;
  type: StructureType;
  active: boolean;
  phone: string | null;
  referent_name: string | null;
  referent_phone: string | null;
  on_call_24h: boolean;
  capacity_status: CapacityStatus;
  capacity_since: Date | null;
  capacity_confirmed_at: Date | null;
  address_commune_name: string | null;
  coverage_commune_codes: string[];
  coverage_department_codes: string[];
  coverage_territory_ids: string[];
  match: CoverageMatch | null;
  settings: PlaceOfCare[] | null;
};

// Keyset pagination on (name, id): stable under inserts, no OFFSET scan (lib/pagination.ts).
const ZDirectoryCursor = z.tuple([z.string(), z.string()]);

/**
 * One statement. The commune's département and territories come from a CTE; coverage is the union
 * of three array conditions, each served by its GIN index (`@>` / `&&`, not `= ANY`, which no index
 * serves), combined by a BitmapOr; the need (and setting) is a semi-join on structure_offer's
 * (need, setting) index. Sorted by name with a keyset cursor. An unknown commune gives no result.
 */
export async function searchStructures({
  communeCode,
  need,
  type,
  setting,
  limit,
  cursor,
  includeInactive = false,
  db = prisma,
}: SearchStructuresInput): Promise<SearchStructuresResult> {
  const take = Math.min(Math.max(Math.trunc(limit) || 20, 1), 100);
  const after = decodeCursor(cursor, ZDirectoryCursor);
  const conditions: Prisma.Sql[] = [];
  if (!includeInactive) conditions.push(Prisma.sql`s.active`);
  if (communeCode) {
    conditions.push(Prisma.sql`(s.coverage_commune_codes @> ARRAY[${communeCode}]::text[]
      OR s.coverage_department_codes @> ARRAY[c.department_code]::text[]
      OR s.coverage_territory_ids && c.territory_ids)`);
  }
  if (type) conditions.push(Prisma.sql`s.type = ${type}::"StructureType"`);
  if (need) {
    conditions.push(
      setting
        ? Prisma.sql`EXISTS (SELECT 1 FROM structure_offer o WHERE o.structure_id = s.id AND o.need = ${need}::"Need" AND o.setting = ${setting}::"PlaceOfCare")`
        : Prisma.sql`EXISTS (SELECT 1 FROM structure_offer o WHERE o.structure_id = s.id AND o.need = ${need}::"Need")`,
    );
  } else if (setting) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM structure_offer o WHERE o.structure_id = s.id AND o.setting = ${setting}::"PlaceOfCare")`);
  }
  if (after) conditions.push(Prisma.sql`(s.name, s.id) > (${after[0]}, ${after[1]})`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const place = communeCode
    ? Prisma.sql`CROSS JOIN (
        SELECT cm.department_code,
               coalesce((SELECT array_agg(tc.territory_id) FROM territory_commune tc WHERE tc.commune_code = cm.code), ARRAY[]::text[]) AS territory_ids
        FROM commune cm WHERE cm.code = ${communeCode}) c`
    : Prisma.empty;
  const match = communeCode
    ? Prisma.sql`CASE WHEN s.coverage_commune_codes @> ARRAY[${communeCode}]::text[] THEN 'commune'
                      WHEN s.coverage_department_codes @> ARRAY[c.department_code]::text[] THEN 'department'
                      ELSE 'territory' END`
    : Prisma.sql`NULL`;
  const settings = need
    ? Prisma.sql`(SELECT array_agg(o.setting::text ORDER BY o.setting) FROM structure_offer o WHERE o.structure_id = s.id AND o.need = ${need}::"Need")`
    : Prisma.sql`(SELECT array_agg(DISTINCT o.setting::text) FROM structure_offer o WHERE o.structure_id = s.id)`;

  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s.name, s.type::text AS type, s.active, s.phone, s.referent_name, s.referent_phone, s.on_call_24h,
           s.capacity_status::text AS capacity_status, s.capacity_since, s.capacity_confirmed_at,
           ac.name AS address_commune_name,
           s.coverage_commune_codes, s.coverage_department_codes, s.coverage_territory_ids,
           ${match} AS match, ${settings} AS settings
    FROM structure s
    ${place}
    LEFT JOIN commune ac ON ac.code = s.address_commune_code
    ${where}
    ORDER BY s.name, s.id
    LIMIT ${take + 1}`;

  const page = rows.slice(0, take);
  const names = await coverageNames(db, page, communeCode);
  const items = page.map((r) => {
    const coverage = {
      coverageCommuneCodes: r.coverage_commune_codes,
      coverageDepartmentCodes: r.coverage_department_codes,
      coverageTerritoryIds: r.coverage_territory_ids,
    };
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      active: r.active,
      phone: r.phone,
      referentName: r.referent_name,
      referentPhone: r.referent_phone,
      onCall24h: r.on_call_24h,
      capacityStatus: r.capacity_status,
      capacitySince: r.capacity_since,
      capacityConfirmedAt: r.capacity_confirmed_at,
      addressCommuneName: r.address_commune_name,
      coverageSummary: summarizeCoverage(coverage, names),
      coverageMatch: r.match,
      settings: sortSettings(r.settings ?? []),
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > take && last ? encodeCursor([last.name, last.id]) : null,
    commune: communeCode ? (names.searched ?? null) : null,
  };
}

const SETTING_ORDER: PlaceOfCare[] = ["HOME", "NURSING_HOME", "HOSPITAL", "OTHER"];
function sortSettings(settings: PlaceOfCare[]): PlaceOfCare[] {
  return SETTING_ORDER.filter((s) => settings.includes(s));
}

// The names a page of results shows: départements, territories, the first communes of each list.
async function coverageNames(db: Db, rows: Row[], communeCode: string | undefined) {
  const communeCodes = new Set(
    rows.flatMap((r) => communesToName({ coverageCommuneCodes: r.coverage_commune_codes, coverageDepartmentCodes: [], coverageTerritoryIds: [] })),
  );
  if (communeCode) communeCodes.add(communeCode);
  const departmentCodes = [...new Set(rows.flatMap((r) => r.coverage_department_codes))];
  const territoryIds = [...new Set(rows.flatMap((r) => r.coverage_territory_ids))];
  const [communes, departments, territories] = await Promise.all([
    communeCodes.size ? db.commune.findMany({ where: { code: { in: [...communeCodes] } }, select: { code: true, name: true } }) : [],
    departmentCodes.length ? db.department.findMany({ where: { code: { in: departmentCodes } }, select: { code: true, name: true } }) : [],
    territoryIds.length ? db.territory.findMany({ where: { id: { in: territoryIds } }, select: { id: true, name: true } }) : [],
  ]);
  const communeNames = new Map(communes.map((c) => [c.code, c.name]));
  const searchedName = communeCode ? communeNames.get(communeCode) : undefined;
  return {
    communes: communeNames,
    departments: new Map(departments.map((d) => [d.code, d.name])),
    territories: new Map(territories.map((t) => [t.id, t.name])),
    searched: communeCode && searchedName ? { code: communeCode, name: searchedName } : null,
  };
}
