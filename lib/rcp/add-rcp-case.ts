import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { ZAddRcpCase, type TAddRcpCase } from "@/lib/rcp/schemas";

/** The coordinator puts an open request of the meeting's territory on its agenda, with the question asked. */
export async function addRcpCase({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: TAddRcpCase; db?: Db; now?: Date }) {
  assertCan(actor, "rcp.manage");
  const data = ZAddRcpCase.parse(input);
  return db.$transaction(async (tx) => {
    const meeting = await tx.rcpMeeting.findFirst({
      where: { id: data.meetingId, territoryId: { in: actor.territoryIds } },
      select: { id: true, territoryId: true },
    });
    if (!meeting) throw new AppError("NOT_FOUND", "RCP introuvable.");
    const request = await tx.request.findFirst({
      where: { id: data.requestId, territoryId: meeting.territoryId, status: { in: [...OPEN_REQUEST_STATUSES] }, ...requestScope(actor) },
      select: { id: true },
    });
    if (!request) throw new AppError("INVALID_INPUT", "Demande introuvable.", { requestId: ["Choisissez une demande en cours du territoire de la RCP."] });
    const existing = await tx.rcpCase.findUnique({ where: { meetingId_requestId: { meetingId: meeting.id, requestId: request.id } }, select: { id: true } });
    if (existing) throw new AppError("INVALID_INPUT", "Déjà à l'ordre du jour.", { requestId: ["Cette demande est déjà à l'ordre du jour de cette RCP."] });
    const rcpCase = await tx.rcpCase.create({
      data: { meetingId: meeting.id, requestId: request.id, question: data.question, addedAt: now },
      select: { id: true },
    });
    await recordEvent(
      tx,
      actor.id,
      { type: "request.rcp_case_added", subjectType: "request", subjectId: request.id, data: { caseId: rcpCase.id, meetingId: meeting.id } },
      now,
    );
    return { id: rcpCase.id, requestId: request.id };
  });
}
