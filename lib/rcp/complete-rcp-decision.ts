import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { ZCompleteRcpDecision } from "@/lib/rcp/schemas";

/** The responsible of a decision — a member of its structure, or the coordination when it is hers — marks it done. */
export async function completeRcpDecision({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: { decisionId: string };
  db?: Db;
  now?: Date;
}) {
  assertCan(actor, "rcp.decisions");
  const { decisionId } = ZCompleteRcpDecision.parse(input);
  return db.$transaction(async (tx) => {
    const mine =
      actor.role === "TEAM_MEMBER"
        ? { responsibleStructureId: { in: actor.structureIds }, case: { request: requestScope(actor) } }
        : { responsibleStructureId: null, case: { meeting: { territoryId: { in: actor.territoryIds } } } };
    const decision = await tx.rcpDecision.findFirst({
      where: { id: decisionId, ...mine },
      select: { id: true, doneAt: true, caseId: true, case: { select: { requestId: true } } },
    });
    if (!decision) throw new AppError("NOT_FOUND", "Décision introuvable.");
    if (decision.doneAt) return { id: decision.id, requestId: decision.case.requestId };
    await tx.rcpDecision.update({ where: { id: decision.id }, data: { doneAt: now }, select: { id: true } });
    await recordEvent(
      tx,
      actor.id,
      {
        type: "request.rcp_decision_done",
        subjectType: "request",
        subjectId: decision.case.requestId,
        data: { caseId: decision.caseId, decisionId: decision.id },
      },
      now,
    );
    return { id: decision.id, requestId: decision.case.requestId };
  });
}
