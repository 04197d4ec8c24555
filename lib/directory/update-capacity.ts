import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZUpdateCapacity } from "@/lib/directory/schemas";
import { loadEditable } from "@/lib/directory/edit-structure";

export type CapacityResult = { version: number; statusChanged: boolean; capacityConfirmedAt: Date };

/**
 * A team (or its coordinator) states its capacity today. Saving always confirms it (the date GPs and
 * the routing read: "confirmée le …"); a new status starts "since" today unless a date is given; the
 * same status keeps its date. One event per statement, even a plain confirmation.
 */
export async function updateCapacity({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: Partial<z.input<typeof ZUpdateCapacity>>;
  db?: Db;
  now?: Date;
}): Promise<CapacityResult> {
  assertCan(actor, "directory.edit");
  const { structureId, version, capacityStatus, capacitySince } = ZUpdateCapacity.parse(input);
  if (capacitySince && capacitySince.getTime() > now.getTime() + 24 * 3600_000) {
    throw new AppError("INVALID_INPUT", "Certains champs sont à corriger.", { capacitySince: ["Depuis le : la date ne peut pas être dans le futur."] });
  }
  return db.$transaction(async (tx) => {
    const row = await loadEditable(tx, actor, structureId);
    const statusChanged = row.capacityStatus !== capacityStatus;
    const since = capacitySince ?? (statusChanged ? now : (row.capacitySince ?? null));
    const { count } = await tx.structure.updateMany({
      where: { id: row.id, version },
      data: { capacityStatus, capacitySince: since, capacityConfirmedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "Cette fiche a été modifiée par quelqu'un d'autre entre-temps : rechargez la page pour voir sa disponibilité actuelle, puis recommencez.",
      );
    }
    await recordEvent(tx, actor.id, { type: "directory.capacity_updated", subjectType: "structure", subjectId: row.id, data: { status: capacityStatus } }, now);
    return { version: version + 1, statusChanged, capacityConfirmedAt: now };
  });
}
