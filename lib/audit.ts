import { z } from "zod";
import type { Tx } from "@/lib/db";
import {
  CancelReason,
  ClosureOutcome,
  DeclineReason,
  InterventionKind,
  Need,
  NoteKind,
  PlaceOfCare,
  RequestChannel,
  RequesterKind,
  RequestStatus,
  Role,
  ScreeningGrid,
  Urgency,
} from "@/lib/generated/prisma/enums";

// Every change and every read of a patient's record is an event, written in the same transaction
// as the change. Payloads hold ids and codes only: never names, birth dates or free text (free text
// lives in request_note and is referenced by noteId).
const user = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), subjectType: z.literal("user"), subjectId: z.string(), data: z.object(data).strict() });
// Referral events are filed under their request, so that a request's timeline is one query.
const request = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), subjectType: z.literal("request"), subjectId: z.string(), data: z.object(data).strict() });

const structure = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), subjectType: z.literal("structure"), subjectId: z.string(), data: z.object(data).strict() });
const territory = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), subjectType: z.literal("territory"), subjectId: z.string(), data: z.object(data).strict() });
const settings = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ type: z.literal(type), subjectType: z.literal("settings"), subjectId: z.string(), data: z.object(data).strict() });

const id = z.string().min(1);

export const ZEvent = z.discriminatedUnion("type", [
  // method: absent for a password (the events written before Pro Santé Connect), "psc" for it.
  user("auth.sign_in", { method: z.literal("psc").optional() }),
  // A doctor (profession 10) unknown to us got a GP account at their first Pro Santé Connect sign-in.
  user("auth.psc_account_created", { rpps: z.string().regex(/^\d{11}$/) }),
  user("auth.sign_in_failed", { failures: z.number().int(), locked: z.boolean() }),
  user("auth.sign_in_refused_locked", {}),
  user("auth.sign_out", {}),
  // Every open session of the account ended on the server (a password change, a deactivation).
  user("auth.password_changed", { revokedSessions: z.number().int() }),
  user("auth.account_deactivated", { revokedSessions: z.number().int() }),
  user("auth.account_reactivated", {}),
  // An administrator lifted the lock of too many wrong passwords.
  user("auth.account_unlocked", {}),
  // « Mot de passe oublié » for an existing account (the unknown e-mails leave no trace but the limit).
  user("auth.password_reset_requested", { tokenId: id }),
  user("auth.invitation_accepted", { tokenId: id }),
  // Accounts run from the app (lib/users/): the memberships as they are after the change.
  user("user.created", { role: z.enum(Role), territoryIds: z.array(id), structureIds: z.array(id) }),
  user("user.invited", { tokenId: id, resent: z.boolean() }),
  user("user.updated", {
    changed: z.array(z.enum(["name", "role", "rpps", "phone", "territories", "structures"])),
    role: z.enum(Role),
    territoryIds: z.array(id),
    structureIds: z.array(id),
  }),
  user("user.profile_updated", { changed: z.array(z.enum(["name", "phone"])) }),

  request("request.submitted", {
    channel: z.enum(RequestChannel),
    urgency: z.enum(Urgency),
    needs: z.array(z.enum(Need)),
    territoryId: id.nullable(),
    patientId: id.nullable(),
    // The filing's facts the dashboards' projection reads (dashboard_project_event). Absent from the
    // events written before 2026-12-02: the projection then reads them from the request row.
    requesterKind: z.enum(RequesterKind).optional(),
    communeCode: z
      .string()
      .regex(/^[0-9][0-9AB][0-9]{3}$/)
      .optional(),
  }),
  request("request.viewed", { patientId: id.nullable() }),
  request("request.claimed", {}),
  request("request.note_added", { noteId: id }),
  request("request.oriented", { referralIds: z.array(id), structureIds: z.array(id), noteId: id.nullable() }),
  request("request.cancelled", { reason: z.enum(CancelReason), noteId: id }),
  request("request.closed", { outcome: z.enum(ClosureOutcome) }),
  request("request.reopened", { noteId: id }),
  // The request's status followed its referrals (accepted → in care, all declined → triage).
  request("request.status_derived", { from: z.enum(RequestStatus), to: z.enum(RequestStatus), referralId: id }),

  request("referral.accepted", { referralId: id, structureId: id }),
  request("referral.declined", { referralId: id, structureId: id, reason: z.enum(DeclineReason), noteId: id.nullable() }),
  request("referral.first_contact", { referralId: id, structureId: id, contactDate: z.string() }),
  request("referral.note_added", { referralId: id, structureId: id, noteId: id, kind: z.enum(NoteKind) }),
  request("referral.completed", { referralId: id, structureId: id, noteId: id }),
  // `parallelOf`: withdrawn because that other referral (to the same type of structure) was accepted.
  request("referral.cancelled", { referralId: id, structureId: id, parallelOf: id.optional() }),
  // Routing: needs no structure could take (unmet needs of the territory).
  request("request.unmet_needs_flagged", { needs: z.array(z.enum(Need)) }),
  // A request hors territoire (its commune in no territory) given to a territory; its due dates
  // are now that territory's, counted from the filing.
  request("request.territory_assigned", { territoryId: id, from: id.nullable() }),
  // Urgency, place of care or needs corrected by the coordination (the reason in its note); the
  // due dates follow a new urgency.
  request("request.requalified", {
    urgency: z.object({ from: z.enum(Urgency), to: z.enum(Urgency) }).nullable(),
    placeOfCare: z.object({ from: z.enum(PlaceOfCare), to: z.enum(PlaceOfCare) }).nullable(),
    needs: z.object({ from: z.array(z.enum(Need)), to: z.array(z.enum(Need)) }).nullable(),
    noteId: id,
  }),
  // A message of the request's conversation (its words in request_message); `toStructureId` null: to everyone.
  request("request.message_posted", { messageId: id, toStructureId: id.nullable() }),
  // The patient's decision on sharing with one structure (`structureId`) or all (null); a refusal
  // lists the referrals whose team lost access (their words in sharing_consent).
  // purpose COORDINATION (structureId null): the consent to the coordination itself (absent: sharing).
  request("request.sharing_consent", {
    consentId: id,
    purpose: z.enum(["COORDINATION", "SHARING"]).optional(),
    structureId: id.nullable(),
    granted: z.boolean(),
    referralIds: z.array(id),
  }),
  // The coordinator identified the request's patient: a new record, one proposed as a duplicate, or
  // a correction of its identity (the traits in patient, never here).
  request("request.patient_identified", { patientId: id, mode: z.enum(["created", "linked", "corrected"]) }),
  // Two records of one person merged: the request now belongs to `patientId`.
  request("request.patient_merged", { patientId: id, mergedPatientId: id }),
  // An intervention recorded (its note in intervention, never here); teamStructureId null: the
  // coordination's own.
  request("request.intervention_recorded", {
    interventionId: id,
    kind: z.enum(InterventionKind),
    teamStructureId: id.nullable(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    minutes: z.number().int(),
  }),
  // The request on an RCP's agenda; discussed there (the synthesis sheet: /rcp/fiches/<caseId>);
  // one of its decisions done (the words in rcp_case / rcp_decision, never here).
  request("request.rcp_case_added", { caseId: id, meetingId: id }),
  request("request.rcp_discussed", { caseId: id, meetingId: id, decisions: z.number().int() }),
  request("request.rcp_decision_done", { caseId: id, decisionId: id }),
  // A screening grid answered (the answers in screening_answer; lib/screening/grids.ts).
  request("request.screening_recorded", {
    screeningId: id,
    grid: z.enum(ScreeningGrid),
    version: z.number().int(),
    score: z.number().int(),
  }),
  // The patient's care circle (names and phones in care_contact, never here).
  request("request.care_contact_added", {
    contactId: id,
    role: z.enum(["CARER", "TRUSTED_PERSON", "GP", "HOME_NURSE", "PHARMACIST", "PHYSIOTHERAPIST", "OTHER_PROFESSIONAL"]),
  }),
  request("request.care_contact_removed", { contactId: id }),
  // What happened to the patient during care (its place and day in patient_event).
  request("request.patient_event", {
    patientEventId: id,
    kind: z.enum(["HOSPITALISED", "BACK_HOME", "NURSING_HOME", "DECEASED"]),
    // The team that reported it, if a team did (not `structureId`: every team in charge reads it).
    reporterStructureId: id.nullable(),
  }),

  // Directory of care structures (no patient data here: field names and codes).
  structure("directory.structure_created", { source: z.enum(["form", "csv", "seed"]) }),
  structure("directory.structure_updated", { fields: z.array(z.string()), source: z.enum(["form", "csv"]) }),
  structure("directory.capacity_updated", { status: z.enum(["AVAILABLE", "WAITING_LIST", "FULL", "ASSESSMENT_FIRST"]) }),
  structure("directory.structure_deactivated", {}),
  // One CSV import as a whole: counts only; each created/updated structure has its own event too.
  territory("directory.csv_imported", { created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  // A list that shows patients' identities was seen (the GP's « Mes demandes »): the requests shown.
  user("requests.list_viewed", { list: z.enum(["my_requests"]), requestIds: z.array(id) }),
  // The journal itself read (/admin/journal): what was searched — a request number, a person's id, a
  // period — and whether it was exported. Reading the audit trail is audited.
  user("audit.searched", {
    requestNumber: z.number().int().nullable(),
    actorId: id.nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    exported: z.boolean(),
    shown: z.number().int(),
  }),
  // Territories run from the app (lib/territories/): field names and codes, never free text.
  territory("territory.created", {}),
  territory("territory.updated", { changed: z.array(z.string()) }),
  // Communes added or removed by a département, an EPCI or one commune; those taken from another
  // territory are counted per territory (that one gets its own event, with movedTo).
  territory("territory.communes_changed", {
    operation: z.enum(["add", "remove"]),
    pick: z.enum(["department", "epci", "commune", "moved"]),
    code: z.string().nullable(),
    added: z.number().int(),
    removed: z.number().int(),
    movedFrom: z.array(z.object({ territoryId: id, communes: z.number().int() })),
    movedTo: id.nullable(),
  }),
  territory("territory.closure_added", { day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  territory("territory.closure_removed", { day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  // The supportive-care RCP (lib/rcp/): a meeting scheduled for the territory.
  territory("rcp.scheduled", { meetingId: id }),
  // The coverage norms of the dashboards (subjectId "coverage-norms"): before and after.
  settings("settings.norms_updated", {
    before: z.object({ mobileTeamsPer200k: z.number(), palliativeBedsPer100k: z.number() }),
    after: z.object({ mobileTeamsPer200k: z.number(), palliativeBedsPer100k: z.number() }),
  }),
  // Per-territory routing rules: the codes of what changed (need, care setting, type lists).
  territory("routing.rules_updated", {
    changes: z.array(z.object({ need: z.string(), setting: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
  }),
]);

export type AuditEvent = z.infer<typeof ZEvent>;
export type AuditEventType = AuditEvent["type"];

/** An event as written: what notifications are planned from (lib/notifications/notify-event.ts). */
export type RecordedEvent = AuditEvent & { id: bigint; actorId: string | null; at: Date };

export async function recordEvent(tx: Tx, actorId: string | null, event: AuditEvent, at?: Date): Promise<RecordedEvent> {
  const parsed = ZEvent.parse(event);
  const row = await tx.event.create({
    data: {
      type: parsed.type,
      actorId,
      at,
      subjectType: parsed.subjectType,
      subjectId: parsed.subjectId,
      data: parsed.data,
    },
    select: { id: true, at: true },
  });
  return { ...parsed, id: row.id, actorId, at: row.at };
}
