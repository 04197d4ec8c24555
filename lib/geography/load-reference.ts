// Loads the reference geography (régions, départements, intercommunalités, communes) into the database.
// Idempotent: INSERT ... ON CONFLICT DO UPDATE, rewriting a row only when a value changed, so a
// second run reports 0 inserted / 0 updated. Rows are sent as parallel arrays through unnest()
// (one statement per chunk of 5,000 rows, 6 parameters), which loads the whole country in about a
// second, where row-by-row upserts would take minutes.
// Communes that disappear from a newer INSEE vintage (merged into a commune nouvelle) are kept:
// territories and requests may still reference them; they are reported as `stale`.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readCommunes, readDepartments, readEpcis, readRegions } from "./reference-data";

export interface UpsertCounts {
  /** Rows in the reference data. */
  total: number;
  inserted: number;
  updated: number;
}

export interface ReferenceGeographyCounts {
  regions: UpsertCounts;
  departments: UpsertCounts;
  epcis: UpsertCounts;
  communes: UpsertCounts & { stale: number };
  durationMs: number;
}

const CHUNK_SIZE = 5_000;

interface ChangeCount {
  inserted: number;
  updated: number;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function sum(counts: ChangeCount[], total: number): UpsertCounts {
  return {
    total,
    inserted: counts.reduce((n, c) => n + c.inserted, 0),
    updated: counts.reduce((n, c) => n + c.updated, 0),
  };
}

export async function loadReferenceGeography({ prisma, log }: { prisma: PrismaClient; log?: (message: string) => void }): Promise<ReferenceGeographyCounts> {
  const started = performance.now();
  const regions = readRegions();
  const departments = readDepartments();
  const communes = readCommunes();
  const epcis = readEpcis();
  const epciOf = new Map(epcis.flatMap((e) => e.communeCodes.map((code) => [code, e.code] as const)));
  log?.(`Référentiel : ${regions.length} régions, ${departments.length} départements, ${epcis.length} intercommunalités, ${communes.length} communes.`);

  return prisma.$transaction(
    async (tx) => {
      // `xmax = 0` is true for a freshly inserted row and false for one rewritten by ON CONFLICT:
      // the standard PostgreSQL way to tell inserts from updates in a single upsert.
      const [regionCounts] = await tx.$queryRaw<ChangeCount[]>`
        WITH up AS (
          INSERT INTO region (code, name)
          SELECT * FROM unnest(${regions.map((r) => r.code)}::text[], ${regions.map((r) => r.name)}::text[])
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
          WHERE region.name IS DISTINCT FROM EXCLUDED.name
          RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM up`;

      const [departmentCounts] = await tx.$queryRaw<ChangeCount[]>`
        WITH up AS (
          INSERT INTO department (code, name, region_code)
          SELECT * FROM unnest(
            ${departments.map((d) => d.code)}::text[],
            ${departments.map((d) => d.name)}::text[],
            ${departments.map((d) => d.regionCode)}::text[])
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code
          WHERE (department.name, department.region_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code)
          RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM up`;

      const [epciCounts] = await tx.$queryRaw<ChangeCount[]>`
        WITH up AS (
          INSERT INTO epci (code, name)
          SELECT * FROM unnest(${epcis.map((e) => e.code)}::text[], ${epcis.map((e) => e.name)}::text[])
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
          WHERE epci.name IS DISTINCT FROM EXCLUDED.name
          RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
        FROM up`;

      const communeCounts: ChangeCount[] = [];
      for (const chunk of chunks(communes, CHUNK_SIZE)) {
        // A text[] per row cannot travel inside a 2-D array parameter (unnest would flatten it):
        // postal codes go as "55000,55001" and are split back in SQL.
        const [counts] = await tx.$queryRaw<ChangeCount[]>`
          WITH up AS (
            INSERT INTO commune (code, name, department_code, postal_codes, population, search_name, epci_code)
            SELECT s.code, s.name, s.department_code, string_to_array(s.postal_codes, ','), s.population, s.search_name, nullif(s.epci_code, '')
            FROM unnest(
              ${chunk.map((c) => c.code)}::text[],
              ${chunk.map((c) => c.name)}::text[],
              ${chunk.map((c) => c.departmentCode)}::text[],
              ${chunk.map((c) => c.postalCodes.join(","))}::text[],
              ${chunk.map((c) => c.population)}::int[],
              ${chunk.map((c) => c.searchName)}::text[],
              ${chunk.map((c) => epciOf.get(c.code) ?? "")}::text[]
            ) AS s(code, name, department_code, postal_codes, population, search_name, epci_code)
            ON CONFLICT (code) DO UPDATE SET
              name = EXCLUDED.name,
              department_code = EXCLUDED.department_code,
              postal_codes = EXCLUDED.postal_codes,
              population = EXCLUDED.population,
              search_name = EXCLUDED.search_name,
              epci_code = EXCLUDED.epci_code
            WHERE (commune.name, commune.department_code, commune.postal_codes, commune.population, commune.search_name, commune.epci_code)
              IS DISTINCT FROM
              (EXCLUDED.name, EXCLUDED.department_code, EXCLUDED.postal_codes, EXCLUDED.population, EXCLUDED.search_name, EXCLUDED.epci_code)
            RETURNING (xmax = 0) AS inserted
          )
          SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
          FROM up`;
        if (counts) communeCounts.push(counts);
      }

      const [stale] = await tx.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM commune
        WHERE code <> ALL(${communes.map((c) => c.code)}::text[])`;

      const result: ReferenceGeographyCounts = {
        regions: sum(regionCounts ? [regionCounts] : [], regions.length),
        departments: sum(departmentCounts ? [departmentCounts] : [], departments.length),
        epcis: sum(epciCounts ? [epciCounts] : [], epcis.length),
        communes: { ...sum(communeCounts, communes.length), stale: stale?.count ?? 0 },
        durationMs: Math.round(performance.now() - started),
      };
      log?.(
        `Chargé en ${result.durationMs} ms : communes ${result.communes.inserted} ajoutées, ` +
          `${result.communes.updated} mises à jour, ${result.communes.stale} absentes du référentiel.`,
      );
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
