import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZRecordRcpCase, type TRecordRcpCase } from "@/lib/rcp/schemas";

/**
 * The coordinator records what the RCP said of a case: who took part, the summary, the decisions
 * (action, who — a structure or the coordination —, by when) and the next review. The synthesis
 * sheet (/rcp/fiches/<caseId>, a PDF) is then in the timeline of the GP and of the teams the
 * request is shared with, who are told (the ordinary e-mail carries the link only); each decision
 * is a task of its responsible until done. Recorded once: a correction is a new RCP.
 */
export async function recordRcpCase({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: TRecordRcpCase; db?: Db; now?: Date }) {
  assertCan(actor, "rcp.manage");
  const data = ZRecordRcpCase.parse(input);
  return db.$transaction(async (tx) => {
    const rcpCase = await tx.rcpCase.findFirst({
      where: { id: data.caseId, meeting: { territoryId: { in: actor.territoryIds } } },
      select: { id: true, requestId: true, meetingId: true, discussedAt: true, meeting: { select: { scheduledAt: true } } },
    });
    if (!rcpCase) throw new AppError("NOT_FOUND", "Dossier de RCP introuvable.");
    if (rcpCase.discussedAt)
      throw new AppError(
        "CONFLICT",
        "Ce dossier a déjà été enregistré : sa fiche de synthèse est envoyée. Inscrivez la demande à une prochaine RCP pour la revoir.",
      );
    if (rcpCase.meeting.scheduledAt > now)
      throw new AppError("INVALID_INPUT", "La RCP n'a pas encore eu lieu.", { summary: ["Enregistrez la discussion une fois la RCP tenue."] });
    const structureIds = [...new Set(data.decisions.map((d) => d.responsibleStructureId).filter((id): id is string => id !== null))];
    if (structureIds.length > 0 && (await tx.structure.count({ where: { id: { in: structureIds } } })) !== structureIds.length)
      throw new AppError("INVALID_INPUT", "Structure inconnue.", { who1: ["Choisissez qui s'en charge dans la liste."] });
    await tx.rcpCase.update({
      where: { id: rcpCase.id },
      data: {
        participants: data.participants,
        summary: data.summary,
        nextReviewOn: data.nextReviewOn ? new Date(`${data.nextReviewOn}T00:00:00Z`) : null,
        discussedAt: now,
        discussedById: actor.id,
      },
      select: { id: true },
    });
    if (data.decisions.length > 0) {
      await tx.rcpDecision.createMany({
        data: data.decisions.map((d) => ({
          caseId: rcpCase.id,
          action: d.action,
          responsibleStructureId: d.responsibleStructureId,
          dueOn: new Date(`${d.dueOn}T00:00:00Z`),
        })),
      });
    }
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "request.rcp_discussed",
          subjectType: "request",
          subjectId: rcpCase.requestId,
          data: { caseId: rcpCase.id, meetingId: rcpCase.meetingId, decisions: data.decisions.length },
        },
        now,
      ),
    );
    return { id: rcpCase.id, requestId: rcpCase.requestId, decisions: data.decisions.length };
  });
}
