import { z } from "zod";
import type { Tx } from "@/lib/db";

// Every change and every read of a patient's record is an event, written in the same transaction
// as the change. Payloads hold ids and codes only: never names, birth dates or free text.
export const ZEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth.sign_in"), subjectType: z.literal("user"), subjectId: z.string(), data: z.object({}) }),
  z.object({
    type: z.literal("auth.sign_in_failed"),
    subjectType: z.literal("user"),
    subjectId: z.string(),
    data: z.object({ failures: z.number().int(), locked: z.boolean() }),
  }),
  z.object({ type: z.literal("auth.sign_in_refused_locked"), subjectType: z.literal("user"), subjectId: z.string(), data: z.object({}) }),
]);

export type AuditEvent = z.infer<typeof ZEvent>;
export type AuditEventType = AuditEvent["type"];

export async function recordEvent(tx: Tx, actorId: string | null, event: AuditEvent): Promise<void> {
  const parsed = ZEvent.parse(event);
  await tx.event.create({
    data: {
      type: parsed.type,
      actorId,
      subjectType: parsed.subjectType,
      subjectId: parsed.subjectId,
      data: parsed.data,
    },
  });
}
