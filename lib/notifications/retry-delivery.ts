import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZRetryDelivery } from "@/lib/notifications/schemas";

// An administrator sends a dead-lettered message again: back to PENDING with a fresh count of attempts.
export async function retryDelivery({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZRetryDelivery>;
  db?: Db;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "notifications.deliveries");
  const { messageId } = ZRetryDelivery.parse(input);
  const { count } = await db.outboxMessage.updateMany({
    where: { id: BigInt(messageId), status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null },
  });
  if (count === 0) throw new AppError("CONFLICT", "Ce message n'est plus en échec : rechargez la page.");
}
