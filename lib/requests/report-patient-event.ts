import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { loadCareTarget } from "@/lib/requests/load-for-update";
import { ZReportPatientEvent, type TReportPatientEvent } from "@/lib/requests/schemas";
import type { PatientEventKind } from "@/lib/generated/prisma/enums";
import { parisIsoDay } from "@/lib/time";

export type ReportedPatientEvent = { id: string; requestId: string; kind: PatientEventKind; day: string };

/**
 * A team in charge (its referral accepted or under way) or a coordinator reports what happened to
 * the patient — hospitalised, back home, moved to a nursing home, deceased — without closing
 * anything. It is in the timeline of those who follow the request, and the GP, the coordinators
 * and the other teams in charge are told at once (the e-mail says only that something was
 * reported, with the request's number and a link).
 */
export async function reportPatientEvent({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TReportPatientEvent;
  db?: Db;
  now?: Date;
}): Promise<ReportedPatientEvent> {
  assertCan(actor, "requests.patient_events");
  const data = ZReportPatientEvent.parse(input);
  if (data.day > parisIsoDay(now)) throw new AppError("INVALID_INPUT", "Cette date est à venir.", { day: ["Date : aujourd'hui ou un jour passé."] });
  return db.$transaction(async (tx) => {
    const { requestId, structureId } = await loadCareTarget(tx, actor, data, ["ACCEPTED", "IN_PROGRESS"]);
    const request = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, submittedAt: true } });
    if (request.status === "CLOSED" || request.status === "CANCELLED")
      throw new AppError("INVALID_TRANSITION", "La demande est close : rouvrez-la pour y signaler un événement.");
    const event = await tx.patientEvent.create({
      data: {
        requestId,
        kind: data.kind,
        day: new Date(`${data.day}T00:00:00Z`),
        place: data.place?.trim() || null,
        reportedById: actor.id,
        structureId,
        createdAt: now,
      },
      select: { id: true },
    });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "request.patient_event",
          subjectType: "request",
          subjectId: requestId,
          data: { patientEventId: event.id, kind: data.kind, reporterStructureId: structureId },
        },
        now,
      ),
    );
    return { id: event.id, requestId, kind: data.kind, day: data.day };
  });
}
