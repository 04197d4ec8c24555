import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { ZMarkRead } from "@/lib/notifications/schemas";

// One of the actor's notifications, or all of them, marked as read (another user's id changes nothing).
export async function markRead({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZMarkRead>;
  db?: Db;
  now?: Date;
}): Promise<number> {
  assertCan(actor, "notifications.read");
  const { notificationId } = ZMarkRead.parse(input);
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(notificationId ? { id: BigInt(notificationId) } : {}) },
    data: { readAt: now },
  });
  return count;
}
