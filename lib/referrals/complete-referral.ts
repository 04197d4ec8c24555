import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZCompleteReferral } from "@/lib/requests/schemas";
import { lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// A team ends its intervention with a feedback for the GP (required: the GPs asked to hear back
// after each intervention). The request stays in care until the coordinator closes it.
export async function completeReferral({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZCompleteReferral>;
  db?: Db;
  now?: Date;
}): Promise<SyncedStatus> {
  assertCan(actor, "referrals.respond");
  const { referralId, version, feedback } = ZCompleteReferral.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    const to = checkReferralAction("complete", referral.status, actor.role);
    await lockRequest(tx, referral.requestId);
    await updateReferralVersion(tx, { id: referral.id, version }, { status: to, completedAt: now }, now);
    const note = await tx.requestNote.create({
      data: { requestId: referral.requestId, referralId: referral.id, authorId: actor.id, kind: "FEEDBACK", body: feedback, createdAt: now },
      select: { id: true },
    });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.completed",
          subjectType: "request",
          subjectId: referral.requestId,
          data: { referralId: referral.id, structureId: referral.structureId, noteId: note.id },
        },
        now,
      ),
    );
    return syncRequestStatus(tx, { requestId: referral.requestId, referralId: referral.id, actorId: actor.id, now });
  });
}
