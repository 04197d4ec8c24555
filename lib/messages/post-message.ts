import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { conversationAccess } from "@/lib/messages/access";
import { CONVERSATION_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { ZPostMessage, type TPostMessage } from "@/lib/messages/schemas";

/**
 * A message on a request's conversation, to everyone of its circle or to one team (which the GP
 * and the coordination read too; the other teams do not). A team writes to everyone or to its own
 * thread. Its author has read it; the others are told (the e-mail says only that a message waits).
 */
export async function postMessage({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TPostMessage;
  db?: Db;
  now?: Date;
}): Promise<{ id: string; requestId: string; to: string | null }> {
  const data = ZPostMessage.parse(input);
  return db.$transaction(async (tx) => {
    const access = await conversationAccess(tx, actor, data.requestId);
    if (data.to) {
      const allowed =
        access.teamStructureIds === null
          ? (await tx.referral.count({
              where: { requestId: data.requestId, structureId: data.to, status: { in: [...CONVERSATION_REFERRAL_STATUSES] }, sharingWithdrawn: false },
            })) > 0
          : access.teamStructureIds.includes(data.to);
      if (!allowed) throw new AppError("INVALID_INPUT", "Destinataire inconnu.", { to: ["Choisissez à qui écrire dans la liste."] });
    }
    const message = await tx.requestMessage.create({
      data: {
        requestId: data.requestId,
        authorId: actor.id,
        structureId: data.to,
        body: data.body,
        createdAt: now,
        reads: { create: { userId: actor.id, readAt: now } },
      },
      select: { id: true },
    });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        { type: "request.message_posted", subjectType: "request", subjectId: data.requestId, data: { messageId: message.id, toStructureId: data.to } },
        now,
      ),
    );
    return { id: message.id, requestId: data.requestId, to: data.to };
  });
}
