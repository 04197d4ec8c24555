// What a care team reads: its inbox of referrals and one referral with the minimum of the patient's
// record it needs to act (no birth date — an age —, no INS, no contact details of the family).
// Every query is bounded by referralScope(actor) in its where clause.
import { z } from "zod";
import type { DueClock } from "@/lib/requests/due-dates";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { referralScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, keysetAfter, pageOf } from "@/lib/pagination";
import type { DeclineReason, Need, PlaceOfCare, ReferralStatus, RequestStatus, Sex, Urgency } from "@/lib/generated/prisma/enums";
import { ageInYears } from "@/lib/time";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";

// ───────────────────────────── pure helpers (unit-tested)

// "il y a 3 h", "il y a 2 j": how long a proposal has been waiting, at a glance.
export function timeAgo(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `il y a ${hours} h`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "il y a 1 jour" : `il y a ${days} jours`;
}

// ───────────────────────────── inbox

export type InboxItem = {
  id: string;
  status: ReferralStatus;
  structureName: string;
  proposedAt: Date;
  updatedAt: Date;
  needs: Need[];
  request: { number: number; urgency: Urgency; status: RequestStatus; communeName: string };
};

export type TeamInbox = { new: InboxItem[]; active: InboxItem[]; activeCount: number; activeNext: string | null; done: InboxItem[] };

// The patients in care by pages (lib/pagination.ts); the new proposals all at once (what must be
// answered, a short list), the finished ones of the last days only.
const ACTIVE_PAGE = 50;
const NEW_LIMIT = 200;
const DONE_LIMIT = 20;
const DONE_DAYS = 30;
const ZInboxCursor = z.tuple([z.enum(["CRISIS", "PLANNED"]), z.number().int(), z.string().min(1)]);

const inboxSelect = {
  id: true,
  status: true,
  proposedAt: true,
  updatedAt: true,
  needs: true,
  structure: { select: { name: true } },
  request: { select: { number: true, urgency: true, status: true, needs: true, commune: { select: { name: true } } } },
} as const;

type InboxRow = {
  id: string;
  status: ReferralStatus;
  proposedAt: Date;
  updatedAt: Date;
  needs: Need[];
  structure: { name: string };
  request: { number: number; urgency: Urgency; status: RequestStatus; needs: Need[]; commune: { name: string } };
};

function toItem(row: InboxRow): InboxItem {
  return {
    id: row.id,
    status: row.status,
    structureName: row.structure.name,
    proposedAt: row.proposedAt,
    updatedAt: row.updatedAt,
    // The needs the coordinator routed to this team; the whole request's when none were chosen.
    needs: row.needs.length ? row.needs : row.request.needs,
    request: { number: row.request.number, urgency: row.request.urgency, status: row.request.status, communeName: row.request.commune.name },
  };
}

// Crises first, then the oldest proposal: what must be answered first is on top.
function byUrgencyThenAge(a: InboxItem, b: InboxItem): number {
  if (a.request.urgency !== b.request.urgency) return a.request.urgency === "CRISIS" ? -1 : 1;
  return a.proposedAt.getTime() - b.proposedAt.getTime();
}

export async function listTeamInbox({
  actor,
  now = new Date(),
  cursor,
  limit = ACTIVE_PAGE,
  db = prisma,
}: {
  actor: Actor;
  now?: Date;
  /** Of the "in care" list's page. */
  cursor?: string;
  limit?: number;
  db?: Db;
}): Promise<TeamInbox> {
  const scope = referralScope(actor);
  const after = decodeCursor(cursor, ZInboxCursor);
  const inCare = ACTIVE_REFERRAL_STATUSES.filter((s) => s !== "PROPOSED");
  // Crises first, then the oldest proposal: one read per urgency and status, each in the order of
  // referral(structure_id, status, proposed_at) — a status list would sort every patient in care.
  const readInCare = async (urgency: Urgency) => {
    // PLANNED follows CRISIS: after a planned one, no crisis is left to read.
    if (after && urgency === "CRISIS" && after[0] === "PLANNED") return Promise.resolve([]);
    const from =
      after && after[0] === urgency
        ? keysetAfter<Prisma.ReferralWhereInput>([
            { field: "proposedAt", value: new Date(after[1]) },
            { field: "id", value: after[2] },
          ])
        : {};
    const byStatus = await Promise.all(
      inCare.map((status) =>
        db.referral.findMany({
          where: { AND: [scope, { status, request: { urgency } }, from] },
          orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
          take: limit + 1,
          select: inboxSelect,
        }),
      ),
    );
    return byStatus.flat().sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const [proposed, crises, planned, activeCount, done] = await Promise.all([
    // Served by referral(structure_id, status, proposed_at).
    db.referral.findMany({ where: { ...scope, status: "PROPOSED" }, orderBy: { proposedAt: "asc" }, take: NEW_LIMIT, select: inboxSelect }),
    readInCare("CRISIS"),
    readInCare("PLANNED"),
    db.referral.count({ where: { ...scope, status: { in: inCare } } }),
    db.referral.findMany({
      where: { ...scope, status: { in: ["DECLINED", "COMPLETED", "CANCELLED"] }, updatedAt: { gte: new Date(now.getTime() - DONE_DAYS * 86_400_000) } },
      orderBy: { updatedAt: "desc" },
      take: DONE_LIMIT,
      select: inboxSelect,
    }),
  ]);
  const active = pageOf([...crises, ...planned].map(toItem), limit, (i) => [i.request.urgency, i.proposedAt.getTime(), i.id]);
  return {
    new: proposed.map(toItem).sort(byUrgencyThenAge),
    active: active.items,
    activeCount,
    activeNext: active.next,
    done: done.map(toItem),
  };
}

// ───────────────────────────── one referral

export type TeamReferral = {
  id: string;
  version: number;
  status: ReferralStatus;
  structureName: string;
  needs: Need[];
  proposedAt: Date;
  proposedBy: string;
  respondedAt: Date | null;
  declineReason: DeclineReason | null;
  declineDetails: string | null;
  firstContactAt: Date | null;
  completedAt: Date | null;
  request: {
    id: string;
    number: number;
    status: RequestStatus;
    urgency: Urgency;
    needs: Need[];
    details: string | null;
    placeOfCare: PlaceOfCare;
    communeName: string;
    postalCode: string | null;
    submittedAt: Date;
    contactDueAt: Date | null;
    dueClock: DueClock;
    referrer: string; // the GP's name, or the caller's for a phone or public request
    coordination: { name: string; phone: string } | null;
  };
  // Null when the coordinator has not identified the patient yet (a family's public form).
  patient: { id: string; birthName: string; firstNames: string; age: number; sex: Sex } | null;
  coordinatorNote: string | null;
};

export async function getTeamReferral({
  actor,
  referralId,
  now = new Date(),
  db = prisma,
}: {
  actor: Actor;
  referralId: string;
  now?: Date;
  db?: Db;
}): Promise<TeamReferral> {
  const row = await db.referral.findFirst({
    where: { id: referralId, ...referralScope(actor) },
    select: {
      id: true,
      version: true,
      status: true,
      needs: true,
      proposedAt: true,
      respondedAt: true,
      declineReason: true,
      declineDetails: true,
      firstContactAt: true,
      completedAt: true,
      proposedById: true,
      structure: { select: { name: true } },
      request: {
        select: {
          id: true,
          number: true,
          status: true,
          urgency: true,
          needs: true,
          details: true,
          placeOfCare: true,
          submittedAt: true,
          contactDueAt: true,
          dueClock: true,
          requesterName: true,
          requester: { select: { name: true } },
          commune: { select: { name: true, postalCodes: true } },
          territory: { select: { name: true, publicPhone: true } },
          patient: { select: { id: true, birthName: true, firstNames: true, birthDate: true, sex: true } },
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Orientation introuvable.");

  const [proposer, coordinatorNote] = await Promise.all([
    db.user.findUnique({ where: { id: row.proposedById }, select: { name: true } }),
    findOrientationNote(db, row.request.id, row.id),
  ]);
  const { request } = row;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    structureName: row.structure.name,
    needs: row.needs.length ? row.needs : request.needs,
    proposedAt: row.proposedAt,
    proposedBy: proposer?.name ?? "—",
    respondedAt: row.respondedAt,
    declineReason: row.declineReason,
    declineDetails: row.declineDetails,
    firstContactAt: row.firstContactAt,
    completedAt: row.completedAt,
    request: {
      id: request.id,
      number: request.number,
      status: request.status,
      urgency: request.urgency,
      needs: request.needs,
      details: request.details,
      placeOfCare: request.placeOfCare,
      communeName: request.commune.name,
      postalCode: request.commune.postalCodes[0] ?? null,
      submittedAt: request.submittedAt,
      contactDueAt: request.contactDueAt,
      dueClock: request.dueClock,
      referrer: request.requester?.name ?? request.requesterName ?? "—",
      coordination: request.territory ? { name: request.territory.name, phone: request.territory.publicPhone } : null,
    },
    patient: request.patient
      ? {
          id: request.patient.id,
          birthName: request.patient.birthName,
          firstNames: request.patient.firstNames,
          age: ageInYears(request.patient.birthDate, now),
          sex: request.patient.sex,
        }
      : null,
    coordinatorNote,
  };
}

// The coordinator's message to the teams, written when orienting (request.oriented → noteId).
// Looked up through the event that created this referral, so a note meant for another orientation
// round of the same request is not shown.
async function findOrientationNote(db: Db, requestId: string, referralId: string): Promise<string | null> {
  const events = await db.event.findMany({
    where: { subjectType: "request", subjectId: requestId, type: "request.oriented" },
    orderBy: { at: "desc" },
    select: { data: true },
  });
  const event = events.find((e) => {
    const data = e.data as { referralIds?: unknown };
    return Array.isArray(data.referralIds) && data.referralIds.includes(referralId);
  });
  const noteId = (event?.data as { noteId?: unknown } | undefined)?.noteId;
  if (typeof noteId !== "string") return null;
  const note = await db.requestNote.findFirst({ where: { id: noteId, requestId }, select: { body: true } });
  return note?.body ?? null;
}
