import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import type { DeliveryMode, NotificationKind } from "@/lib/generated/prisma/enums";
import { ALWAYS_IMMEDIATE, KINDS_BY_ROLE } from "@/lib/notifications/kinds";
import { ZPreferences } from "@/lib/notifications/schemas";

// The actor's e-mail preferences, per kind their role receives. Escalations are always immediate:
// they have no field. Immediate is the default and is stored as no row.
export async function setPreferences({ actor, input, db = prisma }: { actor: Actor; input: z.input<typeof ZPreferences>; db?: Db }): Promise<void> {
  assertCan(actor, "notifications.read");
  const parsed = ZPreferences.parse(input) as Record<string, DeliveryMode | undefined>;
  const kinds = (KINDS_BY_ROLE[actor.role] ?? []).filter((k) => !ALWAYS_IMMEDIATE.has(k));
  const chosen = kinds.map((kind) => ({ kind, mode: parsed[`mode_${kind}`] ?? "IMMEDIATE" })) as { kind: NotificationKind; mode: DeliveryMode }[];
  await db.$transaction(async (tx) => {
    await tx.notificationPreference.deleteMany({ where: { userId: actor.id } });
    const kept = chosen.filter((c) => c.mode !== "IMMEDIATE");
    if (kept.length) await tx.notificationPreference.createMany({ data: kept.map((c) => ({ userId: actor.id, ...c })) });
  });
}
