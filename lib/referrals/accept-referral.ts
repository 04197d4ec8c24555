import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZReferralRef } from "@/lib/requests/schemas";
import { cancelReferralsOfRequest } from "@/lib/requests/cancel-referral";
import { assertRequestOpenFor, lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// A team accepts a referral to its structure: the request goes into care (first acceptance). In a
// territory that asks for it, the other proposed referrals of the request to structures of the same
// type (two HADs solicited in parallel) are withdrawn at once, each team told; elsewhere the
// coordinator is offered to (withdraw-parallel-referrals.ts).
export async function acceptReferral({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZReferralRef>;
  db?: Db;
  now?: Date;
}): Promise<SyncedStatus> {
  assertCan(actor, "referrals.respond");
  const { referralId, version } = ZReferralRef.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    const to = checkReferralAction("accept", referral.status, actor.role);
    assertRequestOpenFor("accept", (await lockRequest(tx, referral.requestId)).status);
    await updateReferralVersion(tx, { id: referral.id, version }, { status: to, respondedAt: now }, now);
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.accepted",
          subjectType: "request",
          subjectId: referral.requestId,
          data: { referralId: referral.id, structureId: referral.structureId },
        },
        now,
      ),
    );
    const request = await tx.request.findUniqueOrThrow({
      where: { id: referral.requestId },
      select: { territory: { select: { withdrawParallelReferrals: true } } },
    });
    if (request.territory?.withdrawParallelReferrals) {
      const { type } = await tx.structure.findUniqueOrThrow({ where: { id: referral.structureId }, select: { type: true } });
      const parallel = await tx.referral.findMany({
        where: { requestId: referral.requestId, id: { not: referral.id }, status: "PROPOSED", structure: { type } },
        select: { structureId: true },
      });
      if (parallel.length > 0) {
        await cancelReferralsOfRequest(tx, {
          actor,
          requestId: referral.requestId,
          statuses: ["PROPOSED"],
          structureIds: parallel.map((p) => p.structureId),
          parallelOf: referral.id,
          now,
        });
      }
    }
    return syncRequestStatus(tx, { requestId: referral.requestId, referralId: referral.id, actorId: actor.id, now });
  });
}
