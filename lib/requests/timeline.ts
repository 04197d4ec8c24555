import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { requestScope } from "@/lib/authz/scopes";
import { ZEvent, type AuditEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS, type Role } from "@/lib/authz/permissions";
import {
  CANCEL_REASON_LABELS,
  CARE_CONTACT_ROLE_LABELS,
  CHANNEL_LABELS,
  CLOSURE_OUTCOME_LABELS,
  DECLINE_REASON_LABELS,
  NEED_LABELS,
  PLACE_OF_CARE_LABELS,
  REQUEST_STATUS_LABELS,
  URGENCY_SHORT_LABELS,
  INTERVENTION_KIND_LABELS,
} from "@/lib/labels";
import { formatCalendarDay, formatDate } from "@/lib/time";
import type { PatientEventKind } from "@/lib/generated/prisma/enums";
import { describeResult, GRID_INFO, type ScreeningGridId } from "@/lib/screening/grids";
import { answersOf } from "@/lib/screening/queries";
import { rcpSheetPath } from "@/lib/paths";

export type TimelineEntry = {
  id: string;
  at: Date;
  actor: string; // "Dr Anne Royer (EMSP du CH de Bar-le-Duc)", "Formulaire public", "Maillage"
  text: string; // what happened, in French
  note?: { kind: string; body: string }; // the free text attached, when the reader may see it
  patientEvent?: PatientEventKind; // what happened to the patient, when this entry says it
  link?: { href: string; label: string }; // a document of the request (the RCP's synthesis sheet)
};

// What each role reads of a request's history. The GP, pivot of the care, hears of every step
// and every team's decision, but not the coordinators' working notes; a team reads what concerns
// its own referral(s); coordinators read everything. Access events are not shown (audit only).
function visible(event: AuditEvent, actor: Actor, structureIds: Set<string>): boolean {
  if (event.type === "request.viewed") return false;
  switch (actor.role) {
    case "COORDINATOR":
      return true;
    case "GP":
      if (event.type === "request.note_added") return false;
      if (event.type === "referral.note_added") return event.data.kind === "FEEDBACK";
      return true;
    case "TEAM_MEMBER":
      // What happened to the patient, and the screening grids: every team it is shared with reads them.
      if (event.type === "request.patient_event" || event.type === "request.screening_recorded") return true;
      // A message: to everyone, or to one of its structures.
      if (event.type === "request.message_posted") return event.data.toStructureId === null || structureIds.has(event.data.toStructureId);
      // The RCP's synthesis sheet goes to every team the request is shared with.
      if (event.type === "request.rcp_discussed" || event.type === "request.rcp_case_added") return true;
      // A team reads its own interventions, not the other teams' nor the coordination's.
      if (event.type === "request.intervention_recorded") return event.data.teamStructureId !== null && structureIds.has(event.data.teamStructureId);
      // The patient's sharing decisions are the coordination's and the GP's business.
      if (event.type === "request.sharing_consent") return false;
      if ("structureId" in event.data) return structureIds.has(event.data.structureId);
      if (event.type === "request.oriented") return event.data.structureIds.some((id) => structureIds.has(id));
      return event.type === "request.submitted" || event.type === "request.closed" || event.type === "request.cancelled";
    default:
      return false;
  }
}

export async function getRequestTimeline({ actor, requestId }: { actor: Actor; requestId: string }): Promise<TimelineEntry[]> {
  const request = await prisma.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: { id: true, closureSummary: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const rows = await prisma.event.findMany({
    where: { subjectType: "request", subjectId: request.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, type: true, actorId: true, at: true, subjectType: true, subjectId: true, data: true },
  });
  const ownStructures = new Set(actor.role === "TEAM_MEMBER" ? actor.structureIds : []);
  const events: { row: (typeof rows)[number]; event: AuditEvent }[] = [];
  for (const row of rows) {
    const parsed = ZEvent.safeParse({ type: row.type, subjectType: row.subjectType, subjectId: row.subjectId, data: row.data });
    if (parsed.success && visible(parsed.data, actor, ownStructures)) events.push({ row, event: parsed.data });
  }

  const actorIds = [...new Set(events.map((e) => e.row.actorId).filter((id): id is string => Boolean(id)))];
  const structureIds = new Set<string>();
  const noteIds = new Set<string>();
  const territoryIds = new Set<string>();
  const patientEventIds = new Set<string>();
  const screeningIds = new Set<string>();
  for (const { event } of events) {
    const data = event.data as Record<string, unknown>;
    if (typeof data.structureId === "string") structureIds.add(data.structureId);
    if (Array.isArray(data.structureIds)) for (const id of data.structureIds) structureIds.add(String(id));
    if (typeof data.toStructureId === "string") structureIds.add(data.toStructureId);
    if (typeof data.teamStructureId === "string") structureIds.add(data.teamStructureId);
    if (typeof data.noteId === "string") noteIds.add(data.noteId);
    if (event.type === "request.territory_assigned") territoryIds.add(event.data.territoryId);
    if (event.type === "request.patient_event") patientEventIds.add(event.data.patientEventId);
    if (event.type === "request.screening_recorded") screeningIds.add(event.data.screeningId);
  }
  // The coordination reads, with each orientation, where the routing ranked each structure and the
  // reason given for a choice outside its suggestions (stored on the referrals).
  const routed = actor.role === "COORDINATOR" && events.some((e) => e.event.type === "request.oriented");
  const [users, structures, notes, territories, patientEvents, routes, screenings] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: actorIds } },
      select: { id: true, name: true, role: true, structures: { select: { structure: { select: { name: true } } } } },
    }),
    prisma.structure.findMany({ where: { id: { in: [...structureIds] } }, select: { id: true, name: true } }),
    prisma.requestNote.findMany({ where: { id: { in: [...noteIds] }, requestId: request.id }, select: { id: true, kind: true, body: true } }),
    territoryIds.size ? prisma.territory.findMany({ where: { id: { in: [...territoryIds] } }, select: { id: true, name: true } }) : [],
    patientEventIds.size
      ? prisma.patientEvent.findMany({
          where: { id: { in: [...patientEventIds] }, requestId: request.id },
          select: { id: true, kind: true, day: true, place: true },
        })
      : [],
    routed ? prisma.referral.findMany({ where: { requestId: request.id }, select: { id: true, suggestionRank: true, overrideReason: true } }) : [],
    screeningIds.size
      ? prisma.screeningAnswer.findMany({
          where: { id: { in: [...screeningIds] }, requestId: request.id },
          select: { id: true, grid: true, version: true, answers: true },
        })
      : [],
  ]);
  const screeningById = new Map(screenings.map((s) => [s.id, s]));
  const routeById = new Map(routes.map((r) => [r.id, r]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const structureName = (id: string) => structures.find((s) => s.id === id)?.name ?? "une structure";
  const territoryName = (id: string) => territories.find((t) => t.id === id)?.name ?? "(territoire supprimé)";
  const patientEventById = new Map(patientEvents.map((e) => [e.id, e]));
  const noteById = new Map(notes.map((n) => [n.id, n]));

  return events.map(({ row, event }) => {
    const user = row.actorId ? userById.get(row.actorId) : undefined;
    const who = user
      ? describeActor(
          user.name,
          user.role,
          user.structures.map((s) => s.structure.name),
        )
      : event.type === "request.submitted"
        ? "Demandeur sans compte"
        : "Maillage";
    const data = event.data as Record<string, unknown>;
    const attached = typeof data.noteId === "string" ? noteById.get(data.noteId) : undefined;
    // The GP reads the teams' words and the closure summary, never the coordinators' working notes
    // (including the message sent to teams with an orientation, or a cancellation's details).
    const note = attached && !(actor.role === "GP" && attached.kind === "COORDINATION") ? attached : undefined;
    return {
      id: String(row.id),
      at: row.at,
      actor: who,
      text:
        event.type === "request.patient_event"
          ? patientEventText(patientEventById.get(event.data.patientEventId))
          : event.type === "request.screening_recorded"
            ? screeningText(event.data.grid, screeningById.get(event.data.screeningId))
            : event.type === "request.oriented" && routed
              ? orientedWithRoutes(event.data, structureName, routeById)
              : describe(event, structureName, territoryName, actor.role === "TEAM_MEMBER" ? ownStructures : null),
      ...(event.type === "request.patient_event" ? { patientEvent: event.data.kind } : {}),
      ...(event.type === "request.rcp_discussed" ? { link: { href: rcpSheetPath(event.data.caseId), label: "Fiche de synthèse de la RCP (PDF)" } } : {}),
      note: note
        ? { kind: note.kind, body: note.body }
        : event.type === "request.closed" && request.closureSummary
          ? { kind: "CLOSURE", body: request.closureSummary }
          : undefined,
    };
  });
}

/** « Hospitalisation depuis le 02/12/2026 (CH de Verdun, cardiologie) », « Décès le 03/12/2026 ». */
export function patientEventText(event: { kind: PatientEventKind; day: Date; place: string | null } | undefined): string {
  if (!event) return "Événement du parcours signalé";
  const day = formatCalendarDay(event.day);
  const where = event.place ? ` (${event.place})` : "";
  switch (event.kind) {
    case "HOSPITALISED":
      return `Hospitalisation depuis le ${day}${where}`;
    case "BACK_HOME":
      return `Retour à domicile le ${day}`;
    case "NURSING_HOME":
      return `Entrée en établissement le ${day}${where}`;
    case "DECEASED":
      return `Décès le ${day}`;
  }
}

/** « PALLIA-10 : 5 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée… ». */
function screeningText(grid: ScreeningGridId, row: { grid: ScreeningGridId; version: number; answers: unknown } | undefined): string {
  return row ? describeResult(answersOf(row)) : `${GRID_INFO[grid].short} rempli`;
}

// « Orientation proposée vers EMSP (suggestion n° 1), SSIAD (hors suggestions : motif) ».
function orientedWithRoutes(
  data: { referralIds: string[]; structureIds: string[] },
  structureName: (id: string) => string,
  routeById: Map<string, { suggestionRank: number | null; overrideReason: string | null }>,
): string {
  const parts = data.structureIds.map((structureId, i) => {
    const route = routeById.get(data.referralIds[i] ?? "");
    const where = !route
      ? ""
      : route.suggestionRank !== null
        ? ` (suggestion n° ${route.suggestionRank})`
        : ` (hors suggestions${route.overrideReason ? ` : ${route.overrideReason}` : ""})`;
    return `${structureName(structureId)}${where}`;
  });
  return `Orientation proposée vers ${parts.join(", ")}`;
}

function describeActor(name: string, role: Role, structures: string[]): string {
  if (role === "TEAM_MEMBER" && structures.length) return `${name} (${structures.join(", ")})`;
  if (role === "COORDINATOR") return `${name} (coordination)`;
  return `${name} (${ROLE_LABELS[role]})`;
}

// `onlyStructures`: a team reads the names of its own structures only, not the other teams'.
function describe(event: AuditEvent, structureName: (id: string) => string, territoryName: (id: string) => string, onlyStructures: Set<string> | null): string {
  switch (event.type) {
    case "request.submitted":
      return `Demande déposée (${CHANNEL_LABELS[event.data.channel].toLowerCase()})${event.data.territoryId ? "" : " — aucun territoire ne couvre cette commune : besoin non couvert signalé"}`;
    case "request.claimed":
      return "Demande prise en charge par la coordination";
    case "request.note_added":
      return "Note de coordination";
    case "request.oriented":
      return `Orientation proposée vers ${event.data.structureIds
        .filter((id) => !onlyStructures || onlyStructures.has(id))
        .map(structureName)
        .join(", ")}`;
    case "request.cancelled":
      return `Demande annulée (${CANCEL_REASON_LABELS[event.data.reason].toLowerCase()})`;
    case "request.closed":
      return `Demande clôturée : ${CLOSURE_OUTCOME_LABELS[event.data.outcome].toLowerCase()}`;
    case "request.reopened":
      return "Demande rouverte";
    case "request.status_derived":
      return `Statut : ${REQUEST_STATUS_LABELS[event.data.to].toLowerCase()}`;
    case "referral.accepted":
      return `${structureName(event.data.structureId)} accepte l'orientation`;
    case "referral.declined":
      return `${structureName(event.data.structureId)} décline l'orientation (${DECLINE_REASON_LABELS[event.data.reason].toLowerCase()})`;
    case "referral.first_contact":
      return `${structureName(event.data.structureId)} : premier contact le ${formatDate(new Date(event.data.contactDate))}`;
    case "referral.note_added":
      return event.data.kind === "FEEDBACK"
        ? `${structureName(event.data.structureId)} : retour au médecin`
        : `${structureName(event.data.structureId)} : note d'intervention`;
    case "referral.completed":
      return `${structureName(event.data.structureId)} termine son intervention`;
    case "referral.cancelled":
      return event.data.parallelOf
        ? `Orientation vers ${structureName(event.data.structureId)} retirée : une autre équipe a accepté (orientations en parallèle)`
        : `Orientation vers ${structureName(event.data.structureId)} annulée`;
    case "request.territory_assigned":
      return `Demande hors territoire rattachée au territoire ${territoryName(event.data.territoryId)}`;
    case "request.requalified": {
      const parts = [
        event.data.urgency
          ? `urgence ${URGENCY_SHORT_LABELS[event.data.urgency.from].toLowerCase()} → ${URGENCY_SHORT_LABELS[event.data.urgency.to].toLowerCase()}`
          : null,
        event.data.placeOfCare
          ? `lieu ${PLACE_OF_CARE_LABELS[event.data.placeOfCare.from].toLowerCase()} → ${PLACE_OF_CARE_LABELS[event.data.placeOfCare.to].toLowerCase()}`
          : null,
        event.data.needs ? `besoins : ${event.data.needs.to.map((n) => NEED_LABELS[n].toLowerCase()).join(", ")}` : null,
      ].filter(Boolean);
      return `Demande requalifiée par la coordination (${parts.join(" ; ")})`;
    }
    case "request.message_posted":
      return event.data.toStructureId ? `Message à ${structureName(event.data.toStructureId)} (conversation)` : "Message à tous (conversation)";
    case "request.patient_identified":
      return event.data.mode === "created"
        ? "Patient identifié par la coordination (nouveau dossier)"
        : event.data.mode === "linked"
          ? "Patient identifié par la coordination (dossier existant)"
          : "Identité du patient corrigée par la coordination";
    case "request.patient_merged":
      return "Dossier patient fusionné avec un doublon (historiques conservés)";
    case "request.care_contact_added":
      return `Entourage du patient : ${CARE_CONTACT_ROLE_LABELS[event.data.role].toLowerCase()} ajouté(e)`;
    case "request.care_contact_removed":
      return "Entourage du patient : une personne retirée";
    case "request.sharing_consent": {
      if (event.data.purpose === "COORDINATION")
        return event.data.granted
          ? "Consentement du patient à la coordination de son parcours enregistré"
          : `Retrait du consentement à la coordination enregistré${event.data.referralIds.length ? " : les équipes sollicitées n'ont plus accès à la demande" : ""}`;
      const whom = event.data.structureId ? structureName(event.data.structureId) : "toutes les structures sollicitées";
      if (event.data.granted) return `Consentement du patient au partage avec ${whom} enregistré`;
      return `Refus du partage avec ${whom} enregistré${event.data.referralIds.length ? " : l'équipe concernée n'a plus accès à la demande" : ""}`;
    }
    case "request.intervention_recorded":
      return `${INTERVENTION_KIND_LABELS[event.data.kind]} le ${formatCalendarDay(event.data.day)} (${event.data.minutes} min)${
        event.data.teamStructureId ? ` — ${structureName(event.data.teamStructureId)}` : " — coordination"
      }`;
    case "request.rcp_case_added":
      return "Inscrite à l'ordre du jour d'une RCP soins de support";
    case "request.rcp_discussed":
      return `Discutée en RCP soins de support${event.data.decisions ? ` : ${event.data.decisions} décision${event.data.decisions > 1 ? "s" : ""}` : ""}`;
    case "request.rcp_decision_done":
      return "Décision de RCP réalisée";
    case "request.unmet_needs_flagged":
      return `Besoin non couvert signalé pour le territoire : ${event.data.needs.map((need) => NEED_LABELS[need].toLowerCase()).join(", ")}`;
    default:
      return event.type;
  }
}
