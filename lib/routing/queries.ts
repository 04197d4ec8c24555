// Reads of the routing: the structures that may serve a request's commune, as the pure ranking
// (rank-structures.ts) wants them (one SQL statement, whatever the size of the directory); the
// territories whose rules an actor may edit, and one territory's rules for the editor.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { prisma, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { loadRoutingRules } from "@/lib/routing/load-rules";
import { assertCanEditTerritoryRules } from "@/lib/routing/update-rules";
import type { AgeGroup, CapacityStatus, RoutingOffer, RoutingStructure } from "@/lib/routing/types";

export interface CandidateQuery {
  communeCode: string;
  /** The commune's département, for structures covering whole départements. */
  departmentCode: string;
  /** The request's territory: its active structures are loaded even when they do not cover the commune. */
  territoryId: string | null;
}

/** What the page shows beside a structure's reasons (not needed by the ranking itself). */
export interface StructureContact {
  phone: string | null;
  /** The territory that administers the entry, when it is not the request's (a neighbour's team). */
  administeredElsewhere: string | null;
}

type Row = {
  id: string;
  name: string;
  type: StructureType;
  active: boolean;
  age_groups: AgeGroup[] | null;
  capacity_status: CapacityStatus;
  capacity_since: Date | null;
  capacity_confirmed_at: Date | null;
  on_call_24h: boolean;
  phone: string | null;
  territory_id: string | null;
  territory_name: string | null;
  covers: boolean;
  offers: string[] | null;
};

/**
 * The candidates of a request: every structure covering the commune (listed commune, whole
 * département, or a territory that contains the commune; inactive ones included, so that "inactive"
 * can explain a gap), plus the active structures administered by the request's territory even when
 * they do not cover the commune (so that "ne couvre pas Verdun" is said rather than silence).
 *
 * Coverage is not expanded: the ranking only asks whether the structure covers this commune, so
 * `communeCodes` holds the request's commune or nothing. Each OR branch is served by an index (the
 * three GIN indexes on the coverage arrays, the territory_id b-tree), combined by a BitmapOr; the
 * offers come in the same statement, aggregated per structure (structure_offer's primary key).
 */
export async function loadRoutingCandidates(
  db: Db | Tx,
  query: CandidateQuery,
): Promise<{ structures: RoutingStructure[]; contacts: Map<string, StructureContact> }> {
  const { communeCode, departmentCode, territoryId } = query;
  const commune = [communeCode];
  const department = [departmentCode];
  const rows = await db.$queryRaw<Row[]>`
    WITH commune_territories AS (
      SELECT coalesce(array_agg(territory_id), ARRAY[]::text[]) AS ids FROM territory_commune WHERE commune_code = ${communeCode}
    )
    SELECT s.id, s.name, s.type::text AS type, s.active, s.age_groups::text[] AS age_groups,
           s.capacity_status::text AS capacity_status, s.capacity_since, s.capacity_confirmed_at, s.on_call_24h,
           s.phone, s.territory_id, t.name AS territory_name,
           (s.coverage_commune_codes @> ${commune}::text[]
             OR s.coverage_department_codes @> ${department}::text[]
             OR s.coverage_territory_ids && ct.ids) AS covers,
           (SELECT array_agg(o.need::text || ' ' || o.setting::text) FROM structure_offer o WHERE o.structure_id = s.id) AS offers
    FROM structure s
    CROSS JOIN commune_territories ct
    LEFT JOIN territory t ON t.id = s.territory_id
    WHERE s.coverage_commune_codes @> ${commune}::text[]
       OR s.coverage_department_codes @> ${department}::text[]
       OR s.coverage_territory_ids && ct.ids
       ${territoryId ? Prisma.sql`OR (s.territory_id = ${territoryId} AND s.active)` : Prisma.empty}`;

  const structures: RoutingStructure[] = [];
  const contacts = new Map<string, StructureContact>();
  const covered: ReadonlySet<string> = new Set([communeCode]);
  const none: ReadonlySet<string> = new Set();
  for (const row of rows) {
    structures.push({
      id: row.id,
      name: row.name,
      type: row.type,
      active: row.active,
      communeCodes: row.covers ? covered : none,
      offers: offersOf(row.offers ?? []),
      ageGroups: row.age_groups ?? [],
      capacity: row.capacity_status,
      capacitySince: row.capacity_since,
      capacityConfirmedAt: row.capacity_confirmed_at,
      onCall24h: row.on_call_24h,
    });
    contacts.set(row.id, { phone: row.phone, administeredElsewhere: row.territory_id !== territoryId ? row.territory_name : null });
  }
  return { structures, contacts };
}

// "PAIN HOME" rows → one offer per need with its settings.
function offersOf(pairs: string[]): RoutingOffer[] {
  const byNeed = new Map<Need, PlaceOfCare[]>();
  for (const pair of pairs) {
    const [need, setting] = pair.split(" ") as [Need, PlaceOfCare];
    const settings = byNeed.get(need);
    if (settings) settings.push(setting);
    else byNeed.set(need, [setting]);
  }
  return [...byNeed].map(([need, settings]) => ({ need, settings }));
}

export interface RulesTerritory {
  id: string;
  slug: string;
  name: string;
  departmentCode: string;
  customized: boolean;
  updatedAt: Date | null;
}

/** The territories whose rules the actor may edit: a coordinator's own, every one for an administrator. */
export async function listRulesTerritories({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<RulesTerritory[]> {
  assertCan(actor, "routing.rules.edit");
  const rows = await db.territory.findMany({
    where: actor.role === "ADMIN" ? {} : { id: { in: actor.territoryIds } },
    orderBy: [{ departmentCode: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, departmentCode: true, routingRules: { select: { updatedAt: true } } },
  });
  return rows.map(({ routingRules, ...t }) => ({ ...t, customized: routingRules !== null, updatedAt: routingRules?.updatedAt ?? null }));
}

/** One territory (by slug) and its rules, for the editor; FORBIDDEN outside the actor's territories. */
export async function getTerritoryRulesForEditor({ actor, slug, db = prisma }: { actor: Actor; slug: string; db?: Db }) {
  assertCan(actor, "routing.rules.edit");
  const territory = await db.territory.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!territory) throw new AppError("NOT_FOUND", "Territoire introuvable.");
  assertCanEditTerritoryRules(actor, territory.id);
  return { territory, ...(await loadRoutingRules({ db, territoryId: territory.id, withAuthor: true })) };
}
