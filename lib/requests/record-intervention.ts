import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import type { InterventionKind } from "@/lib/generated/prisma/enums";
import { COORDINATION_INTERVENTION_KINDS, INTERVENTION_KIND_LABELS, TEAM_INTERVENTION_KINDS } from "@/lib/labels";
import { IN_CHARGE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { loadCareTarget } from "@/lib/requests/load-for-update";
import { ZRecordIntervention, type TRecordIntervention } from "@/lib/requests/schemas";
import { parisIsoDay } from "@/lib/time";

export type RecordedIntervention = { id: string; requestId: string; kind: InterventionKind; day: string; minutes: number };

/**
 * A team records what it did for a patient it has in charge (its referral accepted, under way or
 * done) — home visit, consultation, phone advice, family meeting, psychological support, dietician
 * or social worker session — with the day and the duration; the coordination records its own
 * phone advice and coordination visits. Counted by type in the dashboards; in the timeline of the
 * GP, the coordination and the team concerned.
 */
export async function recordIntervention({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TRecordIntervention;
  db?: Db;
  now?: Date;
}): Promise<RecordedIntervention> {
  assertCan(actor, "requests.interventions");
  const data = ZRecordIntervention.parse(input);
  if (data.day > parisIsoDay(now)) throw new AppError("INVALID_INPUT", "Cette date est à venir.", { day: ["Date : aujourd'hui ou un jour passé."] });
  const team = actor.role === "TEAM_MEMBER";
  const allowed: readonly InterventionKind[] = team ? TEAM_INTERVENTION_KINDS : COORDINATION_INTERVENTION_KINDS;
  if (!allowed.includes(data.kind)) {
    throw new AppError("INVALID_INPUT", "Type d'intervention impossible ici.", {
      kind: [`Choisissez parmi : ${allowed.map((k) => INTERVENTION_KIND_LABELS[k].toLowerCase()).join(", ")}.`],
    });
  }
  return db.$transaction(async (tx) => {
    const { requestId, structureId } = await loadCareTarget(tx, actor, data, IN_CHARGE_REFERRAL_STATUSES);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, submittedAt: true } });
    if (request.status === "CANCELLED") throw new AppError("INVALID_TRANSITION", "La demande est annulée : aucune intervention ne s'y rattache.");
    if (data.day < parisIsoDay(request.submittedAt))
      throw new AppError("INVALID_INPUT", "Date antérieure à la demande.", { day: ["Date : le jour du dépôt de la demande ou après."] });
    const row = await tx.intervention.create({
      data: {
        requestId,
        structureId,
        kind: data.kind,
        day: new Date(`${data.day}T00:00:00Z`),
        minutes: data.minutes,
        note: data.note?.trim() || null,
        recordedById: actor.id,
        recordedAt: now,
      },
      select: { id: true },
    });
    await recordEvent(
      tx,
      actor.id,
      {
        type: "request.intervention_recorded",
        subjectType: "request",
        subjectId: requestId,
        data: { interventionId: row.id, kind: data.kind, teamStructureId: structureId, day: data.day, minutes: data.minutes },
      },
      now,
    );
    return { id: row.id, requestId, kind: data.kind, day: data.day, minutes: data.minutes };
  });
}
