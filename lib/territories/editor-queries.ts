// Reads of the territory editor (administrators): a territory as its forms show it, its communes,
// and the real geography to pick from — départements and EPCIs with the communes and inhabitants
// they would bring, and where their communes are today. Reference data and public facts only.
import { prisma, type Db } from "@/lib/db";
import { getTerritorySummary, type TerritorySummary } from "@/lib/territories/queries";

export type TerritoryEditor = TerritorySummary & {
  referralAnswerHours: number;
  withdrawParallelReferrals: boolean;
  communes: { code: string; name: string; postalCode: string | null; population: number }[];
};

export async function getTerritoryEditor({ territoryId, db = prisma }: { territoryId: string; db?: Db }): Promise<TerritoryEditor | null> {
  const row = await db.territory.findUnique({
    where: { id: territoryId },
    select: {
      referralAnswerHours: true,
      withdrawParallelReferrals: true,
      communes: { select: { commune: { select: { code: true, name: true, postalCodes: true, population: true } } } },
    },
  });
  if (!row) return null;
  const summary = await getTerritorySummary(territoryId);
  if (!summary) return null;
  const communes = row.communes
    .map(({ commune: c }) => ({ code: c.code, name: c.name, postalCode: c.postalCodes[0] ?? null, population: c.population }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr") || a.code.localeCompare(b.code));
  return { ...summary, referralAnswerHours: row.referralAnswerHours, withdrawParallelReferrals: row.withdrawParallelReferrals, communes };
}

export type AreaOption = {
  code: string;
  name: string;
  communes: number;
  population: number;
  /** Of those communes, how many are in this territory already, and in another one. */
  here: number;
  elsewhere: number;
};

type AreaRow = { code: string; name: string; communes: number; population: number; here: number; elsewhere: number };

/** Every département, with what it would bring to the territory (`territoryId`). */
export async function listDepartmentOptions({ territoryId, db = prisma }: { territoryId: string | null; db?: Db }): Promise<AreaOption[]> {
  return db.$queryRaw<AreaRow[]>`
    SELECT d.code, d.name, count(c.code)::int AS communes, coalesce(sum(c.population), 0)::int AS population,
           count(tc.commune_code) FILTER (WHERE tc.territory_id = ${territoryId})::int AS here,
           count(tc.commune_code) FILTER (WHERE tc.territory_id IS DISTINCT FROM ${territoryId})::int AS elsewhere
    FROM department d
    JOIN commune c ON c.department_code = d.code
    LEFT JOIN territory_commune tc ON tc.commune_code = c.code
    GROUP BY d.code, d.name
    ORDER BY d.code`;
}

/** The EPCIs with a commune in one of `departmentCodes` (the territory's and its communes'), whole. */
export async function listEpciOptions({
  territoryId,
  departmentCodes,
  db = prisma,
}: {
  territoryId: string;
  departmentCodes: string[];
  db?: Db;
}): Promise<AreaOption[]> {
  if (departmentCodes.length === 0) return [];
  const rows = await db.$queryRaw<AreaRow[]>`
    SELECT e.code, e.name, count(c.code)::int AS communes, coalesce(sum(c.population), 0)::int AS population,
           count(tc.commune_code) FILTER (WHERE tc.territory_id = ${territoryId})::int AS here,
           count(tc.commune_code) FILTER (WHERE tc.territory_id <> ${territoryId})::int AS elsewhere
    FROM epci e
    JOIN commune c ON c.epci_code = e.code
    LEFT JOIN territory_commune tc ON tc.commune_code = c.code
    WHERE e.code IN (SELECT DISTINCT epci_code FROM commune WHERE department_code = ANY(${departmentCodes}::text[]) AND epci_code IS NOT NULL)
    GROUP BY e.code, e.name`;
  return rows.sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
