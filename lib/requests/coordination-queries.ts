// Reads of the coordinator's screens: the queue of open requests of their territories and one
// request with everything needed to act on it. Every query carries the actor's request scope.
import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Need, RequestStatus } from "@/lib/generated/prisma/enums";
import { compareQueueItems, dueOf, queueRank, type Due, type TQueueFilters } from "@/lib/requests/coordination-queue";
import { decodeCursor, keysetAfter, pageOf } from "@/lib/pagination";
import { ACTIVE_REFERRAL_STATUSES, OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";

const queueSelect = {
  id: true,
  number: true,
  status: true,
  urgency: true,
  needs: true,
  channel: true,
  needsReorientation: true,
  submittedAt: true,
  triageDueAt: true,
  contactDueAt: true,
  dueClock: true,
  firstContactAt: true,
  commune: { select: { code: true, name: true } },
  territory: { select: { name: true } },
  owner: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type QueueRow = Prisma.RequestGetPayload<{ select: typeof queueSelect }>;

export type QueueItem = Omit<QueueRow, "commune" | "territory" | "owner"> & {
  communeName: string;
  territoryName: string | null;
  ownerName: string | null;
  due: Due;
};

export type QueueCounts = {
  byStatus: Record<RequestStatus, number>;
  total: number;
  overdue: number;
  needsReorientation: number;
  /** Requests hors territoire (their commune in no territory) waiting for one, whatever the filters. */
  outside: number;
};

// A page of the queue, and the cursor of the next one (lib/pagination.ts).
const QUEUE_PAGE = 50;
const ZQueueCursor = z.tuple([z.union([z.literal(0), z.literal(1), z.literal(2)]), z.number().int(), z.number().int()]);

// The queue's order (queueRank) read from four indexed sources, each already in that order — new
// requests by triage due time, the others by first-contact due time, the contacted by contact
// time, those without a due date by number — merged; a page is read after the cursor's place.
type Source = { group: 0 | 1 | 2; time: "triageDueAt" | "contactDueAt" | "firstContactAt" | null; where: Prisma.RequestWhereInput };

// The open requests of the coordinator's territories, what is due soonest first, by pages.
export async function listCoordinationQueue({
  actor,
  filters,
  cursor,
  db = prisma,
  now = new Date(),
  limit = QUEUE_PAGE,
}: {
  actor: Actor;
  filters: TQueueFilters;
  cursor?: string;
  db?: Db;
  now?: Date;
  limit?: number;
}): Promise<{ items: QueueItem[]; counts: QueueCounts; next: string | null }> {
  assertCan(actor, "requests.coordinate");
  const open = [...OPEN_REQUEST_STATUSES];
  // Counts ignore the status filter so that each status keeps its number while one is shown.
  const base: Prisma.RequestWhereInput = {
    AND: [
      requestScope(actor),
      { status: { in: open } },
      filters.need ? { needs: { has: filters.need } } : {},
      filters.urgency ? { urgency: filters.urgency } : {},
      filters.outside ? { territoryId: null } : {},
    ],
  };
  const statuses = filters.status ? [filters.status] : open;
  const later = statuses.filter((s) => s !== "SUBMITTED");
  const submitted = statuses.includes("SUBMITTED");
  const after = decodeCursor(cursor, ZQueueCursor);

  const sources: Source[] = [
    ...(submitted ? [{ group: 0, time: "triageDueAt", where: { status: "SUBMITTED", triageDueAt: { not: null } } } as const] : []),
    ...(later.length
      ? ([
          { group: 0, time: "contactDueAt", where: { status: { in: later }, firstContactAt: null, contactDueAt: { not: null } } },
          { group: 1, time: "firstContactAt", where: { status: { in: later }, firstContactAt: { not: null } } },
        ] as const)
      : []),
    {
      group: 2,
      time: null,
      where: {
        OR: [
          ...(submitted ? [{ status: "SUBMITTED" as const, triageDueAt: null }] : []),
          ...(later.length ? [{ status: { in: later }, firstContactAt: null, contactDueAt: null }] : []),
        ],
      },
    },
  ];
  const read = (source: Source) => {
    if (after && source.group < after[0]) return Promise.resolve([]);
    const from: Prisma.RequestWhereInput =
      after && source.group === after[0]
        ? source.time
          ? keysetAfter<Prisma.RequestWhereInput>([
              { field: source.time, value: new Date(after[1]) },
              { field: "number", value: after[2] },
            ])
          : { number: { gt: after[2] } }
        : {};
    return db.request.findMany({
      where: { AND: [base, source.where, from] },
      orderBy: source.time ? [{ [source.time]: "asc" }, { number: "asc" }] : [{ number: "asc" }],
      take: limit + 1,
      select: queueSelect,
    });
  };

  const [pages, grouped, overdue, needsReorientation, outside] = await Promise.all([
    Promise.all(sources.map(read)),
    db.request.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    db.request.count({
      where: {
        AND: [
          base,
          {
            OR: [
              { status: "SUBMITTED", triageDueAt: { lt: now } },
              { status: { in: open.filter((s) => s !== "SUBMITTED") }, firstContactAt: null, contactDueAt: { lt: now } },
            ],
          },
        ],
      },
    }),
    db.request.count({ where: { AND: [base, { needsReorientation: true }] } }),
    db.request.count({ where: { AND: [requestScope(actor), { status: "SUBMITTED", territoryId: null }] } }),
  ]);

  const page = pageOf(pages.flat().sort(compareQueueItems), limit, (row) => [...queueRank(row), row.number]);
  const byStatus = Object.fromEntries(open.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const g of grouped) byStatus[g.status] = g._count._all;
  return {
    items: page.items.map(({ commune, territory, owner, ...row }) => ({
      ...row,
      communeName: commune.name,
      territoryName: territory?.name ?? null,
      ownerName: owner?.name ?? null,
      due: dueOf(row, now),
    })),
    counts: { byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0), overdue, needsReorientation, outside },
    next: page.next,
  };
}

const requestSelect = {
  id: true,
  number: true,
  version: true,
  status: true,
  urgency: true,
  needs: true,
  placeOfCare: true,
  channel: true,
  requesterKind: true,
  requesterName: true,
  requesterPhone: true,
  requesterRelation: true,
  details: true,
  consentCoordination: true,
  needsReorientation: true,
  submittedAt: true,
  triageDueAt: true,
  contactDueAt: true,
  dueClock: true,
  triagedAt: true,
  firstContactAt: true,
  closedAt: true,
  closureOutcome: true,
  closureSummary: true,
  cancelReason: true,
  patientId: true,
  patient: {
    select: {
      id: true,
      birthName: true,
      firstNames: true,
      birthDate: true,
      sex: true,
      placeOfCare: true,
      phone: true,
      ins: true,
      insOid: true,
      identityStatus: true,
      bornAbroad: true,
      birthPlace: { select: { code: true, name: true, postalCodes: true, departmentCode: true } },
    },
  },
  commune: { select: { code: true, name: true, postalCodes: true, departmentCode: true } },
  territory: { select: { id: true, name: true, publicPhone: true } },
  requester: { select: { name: true, email: true, phone: true } },
  owner: { select: { id: true, name: true } },
  referrals: {
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      version: true,
      status: true,
      proposedAt: true,
      respondedAt: true,
      declineReason: true,
      declineDetails: true,
      firstContactAt: true,
      completedAt: true,
      suggestionRank: true,
      overrideReason: true,
      sharingWithdrawn: true,
      structure: { select: { id: true, name: true, type: true, phone: true } },
    },
  },
} satisfies Prisma.RequestSelect;

export type CoordinationRequest = Prisma.RequestGetPayload<{ select: typeof requestSelect }> & {
  // The structures the request may be oriented to: the active ones of its territory.
  structures: { id: string; name: string; type: string; phone: string | null; hasActiveReferral: boolean }[];
};

// One request as the coordinator sees it: patient identity included (they are in the care circle).
export async function getCoordinationRequest({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<CoordinationRequest> {
  assertCan(actor, "requests.coordinate");
  const request = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: requestSelect });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const structures = request.territory
    ? await db.structure.findMany({
        where: { territoryId: request.territory.id, active: true },
        orderBy: [{ name: "asc" }],
        select: { id: true, name: true, type: true, phone: true },
      })
    : [];
  const busy = new Set(request.referrals.filter((r) => ACTIVE_REFERRAL_STATUSES.includes(r.status)).map((r) => r.structure.id));
  return { ...request, structures: structures.map((s) => ({ ...s, hasActiveReferral: busy.has(s.id) })) };
}

// Whether the coordinator may open this request (a phone intake may concern another territory).
export async function isInCoordinatorScope({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<boolean> {
  assertCan(actor, "requests.coordinate");
  return (await db.request.count({ where: { id: requestId, ...requestScope(actor) } })) > 0;
}

export type OutsideRequest = {
  id: string;
  number: number;
  version: number;
  urgency: "CRISIS" | "PLANNED";
  needs: Need[];
  submittedAt: Date;
  communeName: string;
  departmentCode: string;
};

/**
 * For the administrators: the open requests hors territoire of the whole country, to give them a
 * territory. No patient and no requester here — the number, the commune, the needs and the date.
 */
export async function listOutsideRequests({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<OutsideRequest[]> {
  assertCan(actor, "territories.manage");
  const rows = await db.request.findMany({
    where: { territoryId: null, status: "SUBMITTED" },
    orderBy: [{ urgency: "asc" }, { submittedAt: "asc" }],
    take: 200,
    select: { id: true, number: true, version: true, urgency: true, needs: true, submittedAt: true, commune: { select: { name: true, departmentCode: true } } },
  });
  return rows.map(({ commune, ...r }) => ({ ...r, communeName: commune.name, departmentCode: commune.departmentCode }));
}
