import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZRecordRcpCase, type TRecordRcpCase } from "@/lib/rcp/schemas";

const ALREADY_RECORDED = "Ce dossier a déjà été enregistré : sa fiche de synthèse est envoyée. Inscrivez la demande à une prochaine RCP pour la revoir.";

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
    if (rcpCase.discussedAt) throw new AppError("CONFLICT", ALREADY_RECORDED);
    if (rcpCase.meeting.scheduledAt > now)
      throw new AppError("INVALID_INPUT", "La RCP n'a pas encore eu lieu.", { summary: ["Enregistrez la discussion une fois la RCP tenue."] });
    // A decision goes to the coordination or to a structure the request is shared with: another
    // could never read the request, nor see its task.
    const shared = new Set(
      (await tx.referral.findMany({ where: { requestId: rcpCase.requestId, sharingWithdrawn: false }, select: { structureId: true } })).map(
        (r) => r.structureId,
      ),
    );
    const unreachable = data.decisions.findIndex((d) => d.responsibleStructureId !== null && !shared.has(d.responsibleStructureId));
    if (unreachable >= 0)
      throw new AppError("INVALID_INPUT", "Responsable impossible.", {
        [`who${data.decisions[unreachable]!.row}`]: [
          "Cette structure n'a pas accès à la demande : orientez d'abord vers elle, ou confiez l'action à la coordination.",
        ],
      });
    // Recorded once, even by two coordinators at the same time: the second finds it done.
    const { count } = await tx.rcpCase.updateMany({
      where: { id: rcpCase.id, discussedAt: null },
      data: {
        participants: data.participants,
        summary: data.summary,
        nextReviewOn: data.nextReviewOn ? new Date(`${data.nextReviewOn}T00:00:00Z`) : null,
        discussedAt: now,
        discussedById: actor.id,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", ALREADY_RECORDED);
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
