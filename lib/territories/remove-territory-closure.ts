import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZRemoveTerritoryClosure } from "@/lib/territories/schemas";
import type { z } from "zod";

// The day is open again for requests filed from now on (those filed meanwhile keep their dates).
export async function removeTerritoryClosure({
  actor,
  input,
  db = prisma,
}: {
  actor: Actor;
  input: z.input<typeof ZRemoveTerritoryClosure>;
  db?: Db;
}): Promise<{ day: string }> {
  assertCan(actor, "territories.manage");
  const data = ZRemoveTerritoryClosure.parse(input);
  return db.$transaction(async (tx) => {
    const removed = await tx.territoryClosure.deleteMany({ where: { territoryId: data.territoryId, day: new Date(data.day) } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "Cette fermeture n'existe plus (déjà retirée ?).");
    await recordEvent(tx, actor.id, { type: "territory.closure_removed", subjectType: "territory", subjectId: data.territoryId, data: { day: data.day } });
    return { day: data.day };
  });
}
