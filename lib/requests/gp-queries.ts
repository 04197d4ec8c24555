// What a GP reads of the requests they filed: "Mes demandes" and a request's page. Bounded by
// requestScope (a GP: requester = self) inside every query; another GP's request is "not found".
import { prisma, type Db } from "@/lib/db";
import { recordEvent, ZEvent, type AuditEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { ClosureOutcome, DeclineReason, Need, PlaceOfCare, ReferralStatus, RequestStatus, Sex, Urgency, CancelReason } from "@/lib/generated/prisma/enums";
import { recordRequestView } from "@/lib/requests/record-view";
import { CLOSURE_OUTCOME_LABELS, INTERVENTION_KIND_LABELS, PATIENT_EVENT_LABELS, REQUEST_STATUS_LABELS } from "@/lib/labels";
import { GRID_INFO } from "@/lib/screening/grids";
import { dueOf, type Due } from "@/lib/requests/coordination-queue";
import type { DueClock } from "@/lib/requests/due-dates";

export type MyRequestListItem = {
  id: string;
  number: number;
  patientName: string | null; // "DURAND Jeanne"
  status: RequestStatus;
  urgency: Urgency;
  needs: Need[];
  submittedAt: Date;
  territoryName: string | null;
  lastEvent: { text: string; at: Date } | null;
  // What the territory promised next (the same words as the confirmation and the nurse's queue).
  due: Due;
  // Something happened (by someone else) since the GP last opened the request: their in-app
  // notification of triage, each team's decision, first contact, feedback and closure.
  hasNews: boolean;
};

export type MyRequestPage = { items: MyRequestListItem[]; nextCursor: string | null };

export type MyRequestDetail = {
  id: string;
  number: number;
  status: RequestStatus;
  urgency: Urgency;
  needs: Need[];
  placeOfCare: PlaceOfCare;
  details: string | null;
  submittedAt: Date;
  triageDueAt: Date | null;
  contactDueAt: Date | null;
  dueClock: DueClock;
  triagedAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date | null;
  closureOutcome: ClosureOutcome | null;
  closureSummary: string | null;
  cancelReason: CancelReason | null;
  patient: { birthName: string; firstNames: string; birthDate: Date; sex: Sex } | null;
  commune: { code: string; name: string; postalCodes: string[] };
  territory: { name: string; publicPhone: string } | null;
  referrals: { id: string; structureName: string; status: ReferralStatus; declineReason: DeclineReason | null; proposedAt: Date; respondedAt: Date | null }[];
};

const PAGE_SIZE = 20;

export function patientDisplayName(patient: { birthName: string; firstNames: string } | null): string | null {
  return patient ? `${patient.birthName.toUpperCase()} ${patient.firstNames}` : null;
}

/** The GP's requests, newest first, with each one's latest step as the GP would read it. */
export async function listMyRequests({
  actor,
  cursor,
  take = PAGE_SIZE,
  db = prisma,
}: {
  actor: Actor;
  cursor?: string;
  take?: number;
  db?: Db;
}): Promise<MyRequestPage> {
  assertCan(actor, "requests.readOwn");
  // Served by request_requester_id_submitted_at_idx.
  const rows = await db.request.findMany({
    where: requestScope(actor),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      status: true,
      urgency: true,
      needs: true,
      submittedAt: true,
      triageDueAt: true,
      contactDueAt: true,
      firstContactAt: true,
      dueClock: true,
      territory: { select: { name: true } },
      patient: { select: { birthName: true, firstNames: true } },
    },
  });
  const now = new Date();
  const page = rows.slice(0, take);
  const ids = page.map((r) => r.id);
  const [lastEvents, lastViews] = await Promise.all([latestVisibleEvents(db, ids), lastViewedAt(db, actor.id, ids)]);
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      patientName: patientDisplayName(r.patient),
      status: r.status,
      urgency: r.urgency,
      needs: r.needs,
      submittedAt: r.submittedAt,
      territoryName: r.territory?.name ?? null,
      lastEvent: lastEvents.has(r.id) ? { text: lastEvents.get(r.id)!.text, at: lastEvents.get(r.id)!.at } : null,
      due: dueOf(r, now),
      hasNews: hasNews(lastEvents.get(r.id), actor.id, lastViews.get(r.id) ?? r.submittedAt),
    })),
    nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * The GP's list as their page shows it — and the record that they saw it: it names their patients,
 * so the requests shown are an access event (one per page seen, with their ids).
 */
export async function openMyRequests(options: Parameters<typeof listMyRequests>[0] & { now?: Date }): Promise<MyRequestPage> {
  const page = await listMyRequests(options);
  const db = options.db ?? prisma;
  if (page.items.length) {
    await db.$transaction((tx) =>
      recordEvent(
        tx,
        options.actor.id,
        {
          type: "requests.list_viewed",
          subjectType: "user",
          subjectId: options.actor.id,
          data: { list: "my_requests", requestIds: page.items.map((r) => r.id) },
        },
        options.now,
      ),
    );
  }
  return page;
}

/**
 * A request of the GP's, for its page — and the record that they opened it (an access to the
 * patient's data). Outside their scope, or unknown: NOT_FOUND alike, so existence is not revealed.
 */
export async function openMyRequest({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<MyRequestDetail> {
  assertCan(actor, "requests.readOwn");
  const row = await db.request.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: {
      id: true,
      number: true,
      status: true,
      urgency: true,
      needs: true,
      placeOfCare: true,
      details: true,
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
      patient: { select: { birthName: true, firstNames: true, birthDate: true, sex: true } },
      commune: { select: { code: true, name: true, postalCodes: true } },
      territory: { select: { name: true, publicPhone: true } },
      referrals: {
        orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true, declineReason: true, proposedAt: true, respondedAt: true, structure: { select: { name: true } } },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Demande introuvable.");
  await recordRequestView({ actor, requestId: row.id, patientId: row.patientId });
  const { patientId: _patientId, referrals, ...rest } = row;
  return {
    ...rest,
    referrals: referrals.map(({ structure, ...r }) => ({ ...r, structureName: structure.name })),
  };
}

function hasNews(last: { at: Date; actorId: string | null } | undefined, gpId: string, seenAt: Date): boolean {
  return Boolean(last && last.actorId !== gpId && last.at > seenAt);
}

// When the GP last opened each request (their own access events).
async function lastViewedAt(db: Db, gpId: string, requestIds: string[]): Promise<Map<string, Date>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db.event.groupBy({
    by: ["subjectId"],
    where: { type: "request.viewed", actorId: gpId, subjectType: "request", subjectId: { in: requestIds } },
    _max: { at: true },
  });
  return new Map(rows.flatMap((r) => (r.subjectId && r._max.at ? [[r.subjectId, r._max.at] as const] : [])));
}

// The GP's timeline leaves out access records and the coordinators' and teams' working notes
// (as getRequestTimeline does); the list shows the latest of the rest.
const HIDDEN_FROM_GP = ["request.viewed", "request.note_added"];

async function latestVisibleEvents(db: Db, requestIds: string[]): Promise<Map<string, { text: string; at: Date; actorId: string | null }>> {
  if (requestIds.length === 0) return new Map();
  // Served by event_subject_type_subject_id_at_idx.
  const rows = await db.event.findMany({
    where: { subjectType: "request", subjectId: { in: requestIds }, type: { notIn: HIDDEN_FROM_GP } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { type: true, at: true, actorId: true, subjectType: true, subjectId: true, data: true },
  });
  const latest = new Map<string, { event: AuditEvent; at: Date; actorId: string | null }>();
  for (const row of rows) {
    if (!row.subjectId || latest.has(row.subjectId)) continue;
    const parsed = ZEvent.safeParse({ type: row.type, subjectType: row.subjectType, subjectId: row.subjectId, data: row.data });
    if (!parsed.success) continue;
    if (parsed.data.type === "referral.note_added" && parsed.data.data.kind !== "FEEDBACK") continue;
    latest.set(row.subjectId, { event: parsed.data, at: row.at, actorId: row.actorId });
  }
  const structureIds = new Set<string>();
  for (const { event } of latest.values()) {
    if ("structureId" in event.data && event.data.structureId) structureIds.add(event.data.structureId);
    if (event.type === "request.oriented") for (const id of event.data.structureIds) structureIds.add(id);
  }
  const structures = structureIds.size ? await db.structure.findMany({ where: { id: { in: [...structureIds] } }, select: { id: true, name: true } }) : [];
  const name = (id: string) => structures.find((s) => s.id === id)?.name ?? "une structure";
  return new Map([...latest].map(([id, { event, at, actorId }]) => [id, { text: lastStepText(event, name), at, actorId }]));
}

// One line per step, shorter than the timeline's wording: the list's "last step" column.
function lastStepText(event: AuditEvent, structureName: (id: string) => string): string {
  switch (event.type) {
    case "request.submitted":
      return event.data.territoryId ? "Demande envoyée" : "Demande envoyée — besoin non couvert";
    case "request.claimed":
      return "Prise en charge par la coordination";
    case "request.oriented":
      return `Orientée vers ${event.data.structureIds.map(structureName).join(", ")}`;
    case "request.cancelled":
      return "Demande annulée";
    case "request.closed":
      return `Clôturée : ${CLOSURE_OUTCOME_LABELS[event.data.outcome].toLowerCase()}`;
    case "request.reopened":
      return "Demande rouverte";
    case "request.status_derived":
      return `Statut : ${REQUEST_STATUS_LABELS[event.data.to].toLowerCase()}`;
    case "referral.accepted":
      return `Acceptée par ${structureName(event.data.structureId)}`;
    case "referral.declined":
      return `Déclinée par ${structureName(event.data.structureId)}`;
    case "referral.first_contact":
      return `Premier contact : ${structureName(event.data.structureId)}`;
    case "referral.note_added":
      return `Retour au médecin : ${structureName(event.data.structureId)}`;
    case "referral.completed":
      return `Intervention terminée : ${structureName(event.data.structureId)}`;
    case "referral.cancelled":
      return `Orientation annulée : ${structureName(event.data.structureId)}`;
    case "request.requalified":
      return "Requalifiée par la coordination";
    case "request.patient_event":
      return `${PATIENT_EVENT_LABELS[event.data.kind]} signalé${event.data.kind === "HOSPITALISED" || event.data.kind === "NURSING_HOME" ? "e" : ""}`;
    case "request.screening_recorded":
      return `Grille remplie : ${GRID_INFO[event.data.grid].short}`;
    case "request.intervention_recorded":
      return `Intervention : ${INTERVENTION_KIND_LABELS[event.data.kind].toLowerCase()}`;
    case "request.rcp_case_added":
      return "Inscrite à une RCP soins de support";
    case "request.rcp_discussed":
      return "Discutée en RCP : fiche de synthèse";
    case "request.message_posted":
      return "Nouveau message";
    default:
      return "Mise à jour";
  }
}
