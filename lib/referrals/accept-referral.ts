import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZReferralRef } from "@/lib/requests/schemas";
import { assertRequestOpenFor, lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// A team accepts a referral to its structure: the request goes into care (first acceptance).
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
    return syncRequestStatus(tx, { requestId: referral.requestId, referralId: referral.id, actorId: actor.id, now });
  });
}
