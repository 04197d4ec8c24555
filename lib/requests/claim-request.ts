import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { checkRequestAction } from "@/lib/requests/transitions";
import { loadRequestForAction } from "@/lib/requests/load-for-update";

// A coordinator takes a new request: it moves to triage with them as its owner. When two claim at
// once, the conditional update lets exactly one win; the other is told who was faster.
export async function claimRequest({
  actor,
  requestId,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "requests.coordinate");
  await db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    if (request.status !== "SUBMITTED" && request.ownerId && request.ownerId !== actor.id) throw await claimedBy(tx, request.ownerId);
    checkRequestAction("claim", request.status, actor.role);
    if (!request.territoryId)
      throw new AppError("INVALID_TRANSITION", "Cette demande est hors territoire : rattachez-la d'abord à un territoire, puis prenez-la en charge.");
    const { count } = await tx.request.updateMany({
      where: { id: request.id, status: "SUBMITTED", ownerId: null },
      data: { status: "TRIAGE", ownerId: actor.id, triagedAt: now, updatedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.request.findUniqueOrThrow({ where: { id: request.id }, select: { ownerId: true } });
      throw await claimedBy(tx, current.ownerId);
    }
    await notifyEvent(tx, await recordEvent(tx, actor.id, { type: "request.claimed", subjectType: "request", subjectId: request.id, data: {} }, now));
  });
}

async function claimedBy(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], ownerId: string | null): Promise<AppError> {
  const owner = ownerId ? await tx.user.findUnique({ where: { id: ownerId }, select: { name: true } }) : null;
  return new AppError(
    "CONFLICT",
    owner ? `Cette demande vient d'être prise en charge par ${owner.name}.` : "Cette demande vient d'être prise en charge par un·e autre coordinateur·rice.",
  );
}
