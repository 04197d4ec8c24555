// The routing of one request as the coordinator's page shows it: per need, the ranked candidates
// with their reasons, the nearest misses with why, and the needs no one can serve (recorded for the
// territory by lib/requests/flag-unmet-needs.ts when she opens it).
import { prisma, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Need, PlaceOfCare, RequestStatus, Urgency } from "@/lib/generated/prisma/enums";
import { ACTIVE_REFERRAL_STATUSES, OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { loadRoutingRules } from "@/lib/routing/load-rules";
import { patientAgeAt } from "@/lib/routing/patient-age";
import { loadRoutingCandidates, type StructureContact } from "@/lib/routing/queries";
import { rankStructures } from "@/lib/routing/rank-structures";
import { TOP_SUGGESTIONS } from "@/lib/routing/suggestion-rank";
import { currentScreenings } from "@/lib/screening/queries";
import { palliativeScreeningPositive, scoreOf } from "@/lib/screening/grids";
import type { NeedRouting, RoutingCandidate, RoutingExclusion, RoutingStructure } from "@/lib/routing/types";

const routingSelect = {
  id: true,
  status: true,
  territoryId: true,
  needs: true,
  urgency: true,
  placeOfCare: true,
  unmetNeeds: true,
  commune: { select: { code: true, name: true, departmentCode: true } },
  patient: { select: { birthDate: true } },
  referrals: { select: { structureId: true, status: true } },
} satisfies Prisma.RequestSelect;

type RoutingRow = Prisma.RequestGetPayload<{ select: typeof routingSelect }>;

/** The routing of a request already loaded (and scoped) by the caller. */
async function routeRow(
  db: Db | Tx,
  row: RoutingRow,
  now: Date,
  inTransaction: boolean,
): Promise<{ routing: NeedRouting[]; structures: RoutingStructure[]; contacts: Map<string, StructureContact>; rulesCustomized: boolean }> {
  const rulesQuery = () => loadRoutingRules({ db, territoryId: row.territoryId });
  const candidatesQuery = () =>
    loadRoutingCandidates(db, { communeCode: row.commune.code, departmentCode: row.commune.departmentCode, territoryId: row.territoryId });
  // In parallel on the pool; one after the other on a transaction's single connection.
  const screeningsQuery = () => currentScreenings(db, row.id);
  const [{ rules, customized }, { structures, contacts }, screenings] = inTransaction
    ? [await rulesQuery(), await candidatesQuery(), await screeningsQuery()]
    : await Promise.all([rulesQuery(), candidatesQuery(), screeningsQuery()]);
  const pallia10 = screenings.find((s) => s.grid === "PALLIA10");
  const routing = rankStructures({
    request: {
      needs: row.needs,
      urgency: row.urgency,
      placeOfCare: row.placeOfCare,
      communeCode: row.commune.code,
      communeName: row.commune.name,
      patientAge: patientAgeAt(row.patient?.birthDate ?? null, now),
      pallia10Positives: pallia10 && palliativeScreeningPositive(pallia10) ? scoreOf(pallia10) : null,
    },
    structures,
    rules,
    now,
  });
  return { routing, structures, contacts, rulesCustomized: customized };
}

/**
 * For orient-request.ts, inside its transaction: the routing of a request the caller has already
 * loaded through the actor's scope. Not for display (no scope check here).
 */
export async function routeRequestForOrientation(tx: Tx, requestId: string, now: Date): Promise<{ routing: NeedRouting[]; orientable: Set<string> }> {
  const row = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: routingSelect });
  const { routing, structures } = await routeRow(tx, row, now, true);
  // Who may receive this request: the active structures the routing considered, i.e. those of the
  // request's territory and those covering the patient's commune (a neighbour's outreach team).
  return { routing, orientable: new Set(structures.filter((s) => s.active).map((s) => s.id)) };
}

export interface SuggestedCandidate extends RoutingCandidate {
  /** 1 = first for this need. */
  rank: number;
  /** Among the first TOP_SUGGESTIONS: oriented in one click, no reason asked. */
  top: boolean;
  phone: string | null;
  administeredElsewhere: string | null;
  hasActiveReferral: boolean;
}

export interface NeedSuggestions {
  need: Need;
  candidates: SuggestedCandidate[];
  excluded: RoutingExclusion[];
  excludedCount: number;
  unmet: boolean;
  unmetReason: string | null;
}

export interface RequestSuggestions {
  /** False for a closed or cancelled request: no routing, only the needs recorded as unmet. */
  routed: boolean;
  communeName: string;
  placeOfCare: PlaceOfCare;
  urgency: Urgency;
  status: RequestStatus;
  /** The territory saved its own rules (otherwise the domain defaults apply). */
  rulesCustomized: boolean;
  needs: NeedSuggestions[];
  /** As stored for the territory's indicators (after flagUnmetNeeds, when it ran). */
  unmetNeeds: Need[];
  /** Needs flagUnmetNeeds recorded as unmet on this opening (always empty from the read itself). */
  flagged: Need[];
  topSuggestions: number;
}

/**
 * The suggestions for a request of the coordinator's territories (NOT_FOUND otherwise, as for the
 * request itself). A read: it writes nothing. Needs found unmet are recorded by the explicit step
 * that opens the request for the coordinator (lib/requests/flag-unmet-needs.ts).
 */
export async function getRoutingSuggestions({
  actor,
  requestId,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<RequestSuggestions> {
  assertCan(actor, "requests.coordinate");
  const row = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: routingSelect });
  if (!row) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const base = {
    communeName: row.commune.name,
    placeOfCare: row.placeOfCare,
    urgency: row.urgency,
    status: row.status,
    topSuggestions: TOP_SUGGESTIONS,
  };
  if (!OPEN_REQUEST_STATUSES.includes(row.status)) {
    return { ...base, routed: false, rulesCustomized: false, needs: [], unmetNeeds: row.unmetNeeds, flagged: [] };
  }

  const { routing, contacts, rulesCustomized } = await routeRow(db, row, now, false);
  const busy = new Set(row.referrals.filter((r) => ACTIVE_REFERRAL_STATUSES.includes(r.status)).map((r) => r.structureId));
  const needs = routing.map((need) => ({
    need: need.need,
    candidates: need.candidates.map((candidate, index) => {
      const contact = contacts.get(candidate.structureId);
      return {
        ...candidate,
        rank: index + 1,
        top: index < TOP_SUGGESTIONS,
        phone: contact?.phone ?? null,
        administeredElsewhere: contact?.administeredElsewhere ?? null,
        hasActiveReferral: busy.has(candidate.structureId),
      };
    }),
    excluded: need.excluded,
    excludedCount: need.excludedCount,
    unmet: need.unmet,
    unmetReason: need.unmetReason,
  }));
  return { ...base, routed: true, rulesCustomized, needs, unmetNeeds: row.unmetNeeds, flagged: [] };
}
