import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkReferralAction } from "@/lib/requests/transitions";
import { loadReferralForAction, updateReferralVersion } from "@/lib/requests/load-for-update";
import { ZReferralNote } from "@/lib/requests/schemas";

// A team writes on its referral: an intervention note (for the coordination and the team) or a
// feedback meant for the GP. The text is a note; the event only points at it. The referral's
// version is bumped so that a note cannot land on a referral cancelled in the meantime.
export async function addReferralNote({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZReferralNote>;
  db?: Db;
  now?: Date;
}): Promise<{ noteId: string }> {
  assertCan(actor, "referrals.respond");
  const { referralId, version, kind, body } = ZReferralNote.parse(input);
  return db.$transaction(async (tx) => {
    const referral = await loadReferralForAction(tx, actor, referralId);
    checkReferralAction("addNote", referral.status, actor.role);
    await updateReferralVersion(tx, { id: referral.id, version }, {}, now);
    const note = await tx.requestNote.create({
      data: { requestId: referral.requestId, referralId: referral.id, authorId: actor.id, kind, body, createdAt: now },
      select: { id: true },
    });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "referral.note_added",
          subjectType: "request",
          subjectId: referral.requestId,
          data: { referralId: referral.id, structureId: referral.structureId, noteId: note.id, kind },
        },
        now,
      ),
    );
    return { noteId: note.id };
  });
}
