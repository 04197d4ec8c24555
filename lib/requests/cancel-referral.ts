import type { z } from "zod";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZReferralRef } from "@/lib/requests/schemas";
import { lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// The coordinator withdraws one orientation (wrong team, the patient changed their mind...). The
// request's status follows its remaining referrals: with none left active it goes back to triage,
// flagged "à réorienter".
export async function cancelReferral({
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
  assertCan(actor, "requests.coordinate");
  const { referralId, version } = ZReferralRef.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    const to = checkReferralAction("cancel", referral.status, actor.role);
    await lockRequest(tx, referral.requestId); // same lock order as the teams' answers: request, then referral
    await updateReferralVersion(tx, { id: referral.id, version }, { status: to }, now);
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.cancelled",
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

// When a request ends, the orientations given in `statuses` end with it, each with its event (only
// those to `structureIds` when given: the patient refused sharing with them, or another team of the
// same type accepted — `parallelOf`, that referral). Call it after the request row was locked
// (request, then referrals).
export async function cancelReferralsOfRequest(
  tx: Tx,
  {
    actor,
    requestId,
    statuses,
    structureIds,
    parallelOf,
    now,
  }: { actor: Actor; requestId: string; statuses: readonly ReferralStatus[]; structureIds?: readonly string[]; parallelOf?: string; now: Date },
): Promise<number> {
  const targets = await tx.referral.findMany({
    where: { requestId, status: { in: [...statuses] }, ...(structureIds ? { structureId: { in: [...structureIds] } } : {}) },
    select: { id: true, structureId: true },
  });
  if (targets.length === 0) return 0;
  await tx.referral.updateMany({
    where: { id: { in: targets.map((r) => r.id) }, status: { in: [...statuses] } },
    data: { status: "CANCELLED", updatedAt: now, version: { increment: 1 } },
  });
  for (const r of targets) {
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.cancelled",
          subjectType: "request",
          subjectId: requestId,
          data: { referralId: r.id, structureId: r.structureId, ...(parallelOf ? { parallelOf } : {}) },
        },
        now,
      ),
    );
  }
  return targets.length;
}
