import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { territoryScope } from "@/lib/authz/scopes";
import type { OpeningHours } from "@/lib/territories/opening-hours";
import type { ServiceLevels } from "@/lib/territories/service-levels";

export type TerritorySummary = {
  id: string;
  slug: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  publicPhone: string;
  email: string | null;
  openingHours: OpeningHours;
  serviceLevels: ServiceLevels;
  communeCount: number;
  population: number;
  /** Days closed besides public holidays, from today on (« 2026-12-24 », the team's reason). */
  closures: { day: string; label: string }[];
};

type Row = {
  id: string;
  slug: string;
  name: string;
  department_code: string;
  department_name: string | null;
  public_phone: string;
  email: string | null;
  opening_hours: OpeningHours;
  triage_hours_crisis: number;
  triage_hours_planned: number;
  first_contact_hours_crisis: number;
  first_contact_hours_planned: number;
  crisis_clock: "CALENDAR" | "ON_CALL";
  on_call_hours: OpeningHours | null;
  commune_count: bigint;
  population: bigint | null;
  closures: { day: string; label: string }[];
};

// Public facts of territories (numbers, hours, service levels, size): no patient data. `ids`
// restricts the list (undefined = all).
async function selectTerritories(ids?: string[]): Promise<TerritorySummary[]> {
  if (ids && ids.length === 0) return [];
  const filter = ids ? Prisma.sql`WHERE t.id IN (${Prisma.join(ids)})` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT t.id, t.slug, t.name, t.department_code, d.name AS department_name, t.public_phone, t.email, t.opening_hours,
           t.triage_hours_crisis, t.triage_hours_planned, t.first_contact_hours_crisis, t.first_contact_hours_planned,
           t.crisis_clock::text AS crisis_clock, t.on_call_hours,
           count(c.code) AS commune_count, sum(c.population) AS population,
           (SELECT coalesce(json_agg(json_build_object('day', to_char(tc2.day, 'YYYY-MM-DD'), 'label', tc2.label) ORDER BY tc2.day), '[]'::json)
              FROM territory_closure tc2
             WHERE tc2.territory_id = t.id AND tc2.day >= (now() AT TIME ZONE 'Europe/Paris')::date) AS closures
    FROM territory t
    LEFT JOIN department d ON d.code = t.department_code
    LEFT JOIN territory_commune tc ON tc.territory_id = t.id
    LEFT JOIN commune c ON c.code = tc.commune_code
    ${filter}
    GROUP BY t.id, d.name
    ORDER BY t.department_code, t.name`;
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    departmentCode: r.department_code,
    departmentName: r.department_name ?? r.department_code,
    publicPhone: r.public_phone,
    email: r.email,
    openingHours: r.opening_hours,
    serviceLevels: {
      triageHoursCrisis: r.triage_hours_crisis,
      triageHoursPlanned: r.triage_hours_planned,
      firstContactHoursCrisis: r.first_contact_hours_crisis,
      firstContactHoursPlanned: r.first_contact_hours_planned,
      // OPENING_HOURS is no crisis clock (the schema's enum is shared with requests): every hour.
      crisisClock: r.crisis_clock === "ON_CALL" ? "ON_CALL" : "CALENDAR",
      onCallHours: r.on_call_hours,
    },
    communeCount: Number(r.commune_count),
    population: Number(r.population ?? 0),
    closures: r.closures,
  }));
}

// Every territory's public contact sheet: the single number a GP or a family calls.
export function listAllTerritories(): Promise<TerritorySummary[]> {
  return selectTerritories();
}

/** One territory's contact sheet (the editor's page), or null. */
export async function getTerritorySummary(id: string): Promise<TerritorySummary | null> {
  return (await selectTerritories([id]))[0] ?? null;
}

// The territories an actor works in (coordinators, ARS: their memberships; admins: all).
export async function listActorTerritories(actor: Actor): Promise<TerritorySummary[]> {
  const scope = territoryScope(actor);
  return selectTerritories(scope.id?.in);
}
