import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZDeclineReferral } from "@/lib/requests/schemas";
import { assertRequestOpenFor, lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// A team declines a referral with a reason (details required for "other"). When no other team is
// still considering or caring for the patient, the request goes back to the coordinator's queue,
// flagged for a new orientation. The details are free text: kept in a note, never in the event.
export async function declineReferral({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZDeclineReferral>;
  db?: Db;
  now?: Date;
}): Promise<SyncedStatus> {
  assertCan(actor, "referrals.respond");
  const { referralId, version, reason, details } = ZDeclineReferral.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    const to = checkReferralAction("decline", referral.status, actor.role);
    assertRequestOpenFor("decline", (await lockRequest(tx, referral.requestId)).status);
    await updateReferralVersion(
      tx,
      { id: referral.id, version },
      { status: to, respondedAt: now, declineReason: reason, declineDetails: details || null },
      now,
    );
    const note = details
      ? await tx.requestNote.create({
          data: { requestId: referral.requestId, referralId: referral.id, authorId: actor.id, kind: "INTERVENTION", body: details, createdAt: now },
          select: { id: true },
        })
      : null;
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.declined",
          subjectType: "request",
          subjectId: referral.requestId,
          data: { referralId: referral.id, structureId: referral.structureId, reason, noteId: note?.id ?? null },
        },
        now,
      ),
    );
    return syncRequestStatus(tx, { requestId: referral.requestId, referralId: referral.id, actorId: actor.id, now });
  });
}
