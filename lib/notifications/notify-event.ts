import { AsyncLocalStorage } from "node:async_hooks";
import type { RecordedEvent } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { SecureDetail } from "@/lib/notifications/compose";
import { formatCalendarDay } from "@/lib/time";
import { coordinationRequestPath as coordinationLink, gpRequestPath as gpLink, teamReferralPath as teamLink } from "@/lib/paths";
import { enqueueNotice, type Notice } from "@/lib/notifications/enqueue";
import { requestAudience } from "@/lib/notifications/recipients";
import { CONVERSATION_REFERRAL_STATUSES, IN_CHARGE_REFERRAL_STATUSES } from "@/lib/lifecycle";

// Who is told what, per event of the request's lifecycle. Called by the use cases right after
// recordEvent, in the same transaction: a rolled-back change tells nobody, a committed one
// always does (the worker delivers the outbox after commit).
//   GP: claimed, each referral accepted or declined, first contact, a team's feedback, closure.
//   Care team (members and the structure's secure address): new referral, referral cancelled.
//   Coordinators of the territory (and its address): new request, a decline, a team's feedback.

export { coordinationLink, gpLink, teamLink };

/** The patient's name (and the team, the summary): read only for a secure (MSSanté) recipient. */
function secureDetail(tx: Tx, requestId: string, extra: { structureId?: string; summary?: boolean } = {}): () => Promise<SecureDetail> {
  return async () => {
    const r = await tx.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { closureSummary: true, patient: { select: { firstNames: true, birthName: true, birthDate: true } } },
    });
    const structure = extra.structureId ? await tx.structure.findUnique({ where: { id: extra.structureId }, select: { name: true } }) : null;
    return {
      patientName: r.patient ? `${r.patient.firstNames} ${r.patient.birthName.toUpperCase()}` : null,
      birthDate: r.patient?.birthDate ?? null,
      structureName: structure?.name ?? null,
      summary: extra.summary ? r.closureSummary : null,
    };
  };
}

const muted = new AsyncLocalStorage<boolean>();

/** For the benchmark only (npm run bench -- --notifications): fn's changes plan no notification. */
export function withoutNotifications<T>(fn: () => Promise<T>): Promise<T> {
  return muted.run(true, fn);
}

export async function notifyEvent(tx: Tx, event: RecordedEvent): Promise<void> {
  if (muted.getStore()) return;
  const key = `event:${event.id}`;
  const base = { at: event.at, requestId: event.subjectType === "request" ? event.subjectId : null };
  const requestId = event.subjectId;
  const toGp = async (kind: Notice["kind"], phrase: string, detail?: Notice["detail"]) => {
    const audience = await requestAudience(tx, requestId, { of: "gp" }, event.actorId);
    await enqueueNotice(tx, {
      ...base,
      key,
      kind,
      phrase,
      requestNumber: audience.number,
      link: gpLink(requestId),
      users: audience.users,
      detail: detail ?? secureDetail(tx, requestId),
    });
  };
  // `crisisOfRequest`: urgent when the request is a crisis (known from the audience's row).
  const toCoordinators = async (kind: Notice["kind"], phrase: string, options: { crisis?: boolean; crisisOfRequest?: boolean; structureId?: string } = {}) => {
    // A request hors territoire: the coordinators of its département (recipients.ts).
    const audience = await requestAudience(tx, requestId, { of: "coordinators" }, event.actorId);
    if (audience.users.length === 0 && audience.addresses.length === 0) return;
    await enqueueNotice(tx, {
      ...base,
      key,
      kind,
      phrase,
      crisis: options.crisis ?? (options.crisisOfRequest ? audience.urgency === "CRISIS" : undefined),
      requestNumber: audience.number,
      link: coordinationLink(requestId),
      users: audience.users,
      addresses: audience.addresses,
      detail: secureDetail(tx, requestId, { structureId: options.structureId }),
    });
  };
  const toTeam = async (kind: Notice["kind"], phrase: string, structureId: string, referralId: string, detail?: Notice["detail"]) => {
    const audience = await requestAudience(tx, requestId, { of: "team", structureId }, event.actorId);
    await enqueueNotice(tx, {
      ...base,
      // One orientation may go to several structures: one notice each.
      key: `${key}:${structureId}`,
      kind,
      phrase,
      structureId,
      crisis: audience.urgency === "CRISIS" && kind === "REFERRAL_PROPOSED",
      requestNumber: audience.number,
      link: teamLink(referralId),
      users: audience.users,
      addresses: audience.addresses,
      detail: detail ?? secureDetail(tx, requestId, { structureId }),
    });
  };

  switch (event.type) {
    case "request.submitted": {
      const crisis = event.data.urgency === "CRISIS";
      if (!event.data.territoryId)
        return toCoordinators("REQUEST_SUBMITTED", "nouvelle demande hors territoire : aucun territoire ne couvre sa commune, à rattacher", { crisis });
      return toCoordinators("REQUEST_SUBMITTED", crisis ? "nouvelle demande à traiter en priorité" : "nouvelle demande à trier", { crisis });
    }
    case "request.territory_assigned":
      return toCoordinators("REQUEST_SUBMITTED", "demande hors territoire rattachée à votre territoire, à trier", { crisisOfRequest: true });
    case "request.patient_event": {
      // At once (PATIENT_EVENT is always immediate), in words that say nothing of what happened.
      const phrase = "un événement du parcours du patient a été signalé";
      await toGp("PATIENT_EVENT", phrase);
      await toCoordinators("PATIENT_EVENT", phrase);
      const inCharge = await tx.referral.findMany({
        where: {
          requestId,
          status: { in: ["ACCEPTED", "IN_PROGRESS"] },
          sharingWithdrawn: false,
          ...(event.data.reporterStructureId ? { structureId: { not: event.data.reporterStructureId } } : {}),
        },
        select: { id: true, structureId: true },
      });
      for (const referral of inCharge) await toTeam("PATIENT_EVENT", phrase, referral.structureId, referral.id);
      return;
    }
    case "request.rcp_discussed": {
      // The synthesis sheet of an RCP: the GP and the teams in charge; the e-mail carries the link only.
      const phrase = "la fiche de synthèse d'une RCP soins de support est disponible";
      // Over MSSanté only: the discussion's summary and its decisions, besides who the patient is.
      const detail = async (): Promise<SecureDetail> => {
        const rcp = await tx.rcpCase.findUniqueOrThrow({
          where: { id: event.data.caseId },
          select: {
            summary: true,
            decisions: { orderBy: { dueOn: "asc" }, select: { action: true, dueOn: true, responsibleStructure: { select: { name: true } } } },
          },
        });
        const decisions = rcp.decisions.map((d) => `- ${d.action} (${d.responsibleStructure?.name ?? "coordination"}, avant le ${formatCalendarDay(d.dueOn)})`);
        return {
          ...(await secureDetail(tx, requestId)()),
          summary: [`RCP soins de support : ${rcp.summary ?? ""}`, ...(decisions.length ? ["Décisions :", ...decisions] : [])].join("\n"),
        };
      };
      await toGp("RCP_SYNTHESIS", phrase, detail);
      const inCharge = await tx.referral.findMany({
        where: { requestId, status: { in: [...IN_CHARGE_REFERRAL_STATUSES] }, sharingWithdrawn: false },
        distinct: ["structureId"],
        select: { id: true, structureId: true },
      });
      for (const referral of inCharge) await toTeam("RCP_SYNTHESIS", phrase, referral.structureId, referral.id, detail);
      return;
    }
    case "request.message_posted": {
      // The readers of the message but its author: the GP, the coordination, and the teams it is for.
      const phrase = "un message vous attend dans la conversation";
      await toGp("MESSAGE", phrase);
      await toCoordinators("MESSAGE", phrase);
      const teams = await tx.referral.findMany({
        where: {
          requestId,
          status: { in: [...CONVERSATION_REFERRAL_STATUSES] },
          sharingWithdrawn: false,
          ...(event.data.toStructureId ? { structureId: event.data.toStructureId } : {}),
        },
        distinct: ["structureId"],
        select: { id: true, structureId: true },
      });
      for (const referral of teams) await toTeam("MESSAGE", phrase, referral.structureId, referral.id);
      return;
    }
    case "request.claimed":
      return toGp("REQUEST_CLAIMED", "la demande est prise en charge par la coordination");
    case "request.oriented":
      for (const [i, structureId] of event.data.structureIds.entries()) {
        await toTeam("REFERRAL_PROPOSED", "nouvelle orientation proposée à votre équipe", structureId, event.data.referralIds[i]!);
      }
      return;
    case "referral.accepted":
      return toGp("REFERRAL_ACCEPTED", "une équipe a accepté l'orientation", secureDetail(tx, event.subjectId, { structureId: event.data.structureId }));
    case "referral.declined":
      await toGp("REFERRAL_DECLINED", "une orientation a été déclinée, réorientation en cours");
      return toCoordinators("REFERRAL_DECLINED", "une orientation a été déclinée : demande à réorienter", { structureId: event.data.structureId });
    case "referral.first_contact":
      return toGp("FIRST_CONTACT", "une équipe a pris un premier contact", secureDetail(tx, event.subjectId, { structureId: event.data.structureId }));
    case "referral.note_added":
      if (event.data.kind !== "FEEDBACK") return;
      await toGp("TEAM_FEEDBACK", "une équipe a transmis un retour", secureDetail(tx, event.subjectId, { structureId: event.data.structureId }));
      return toCoordinators("TEAM_FEEDBACK", "une équipe a transmis un retour", { structureId: event.data.structureId });
    case "referral.completed":
      await toGp(
        "TEAM_FEEDBACK",
        "une équipe a terminé son intervention et transmis un retour",
        secureDetail(tx, event.subjectId, { structureId: event.data.structureId }),
      );
      return toCoordinators("TEAM_FEEDBACK", "une équipe a terminé son intervention et transmis un retour", { structureId: event.data.structureId });
    case "referral.cancelled":
      return toTeam("REFERRAL_CANCELLED", "une orientation vers votre équipe a été annulée", event.data.structureId, event.data.referralId);
    case "request.closed":
      return toGp("REQUEST_CLOSED", "la demande est clôturée, la synthèse est disponible", secureDetail(tx, event.subjectId, { summary: true }));
    default:
      return;
  }
}
