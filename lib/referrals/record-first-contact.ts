import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { formatDate, parisIsoDay } from "@/lib/time";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZRecordFirstContact } from "@/lib/requests/schemas";
import { assertRequestOpenFor, lockRequest, syncRequestStatus, type SyncedStatus } from "@/lib/requests/sync-request-status";

// The day of the first contact (a calendar day in Paris) must be neither in the future nor before
// the referral was proposed: it feeds the "time to first contact" indicator.
export function firstContactDateError(contactDate: Date, { proposedAt, now }: { proposedAt: Date; now: Date }): string | null {
  const day = parisIsoDay(contactDate);
  if (day > parisIsoDay(now)) return "La date du premier contact ne peut pas être dans le futur.";
  if (day < parisIsoDay(proposedAt)) return `La date du premier contact ne peut pas précéder l'orientation (${formatDate(proposedAt)}).`;
  return null;
}

// The team has reached the patient: the referral is under way, and the request's first contact is
// the earliest any team recorded (the service-level clock stops there).
export async function recordFirstContact({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZRecordFirstContact>;
  db?: Db;
  now?: Date;
}): Promise<SyncedStatus> {
  assertCan(actor, "referrals.respond");
  const { referralId, version, contactDate } = ZRecordFirstContact.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    const to = checkReferralAction("recordFirstContact", referral.status, actor.role);
    assertRequestOpenFor("recordFirstContact", (await lockRequest(tx, referral.requestId)).status);
    const { proposedAt } = await tx.referral.findUniqueOrThrow({ where: { id: referral.id }, select: { proposedAt: true } });
    const dateError = firstContactDateError(contactDate, { proposedAt, now });
    if (dateError) throw new AppError("INVALID_INPUT", dateError, { contactDate: [dateError] });

    await updateReferralVersion(tx, { id: referral.id, version }, { status: to, firstContactAt: contactDate }, now);
    await tx.request.updateMany({
      where: { id: referral.requestId, OR: [{ firstContactAt: null }, { firstContactAt: { gt: contactDate } }] },
      data: { firstContactAt: contactDate, updatedAt: now, version: { increment: 1 } },
    });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.first_contact",
          subjectType: "request",
          subjectId: referral.requestId,
          data: { referralId: referral.id, structureId: referral.structureId, contactDate: contactDate.toISOString() },
        },
        now,
      ),
    );
    return syncRequestStatus(tx, { requestId: referral.requestId, referralId: referral.id, actorId: actor.id, now });
  });
}
