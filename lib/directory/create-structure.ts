import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { assertTerritoryInScope } from "@/lib/directory/access";
import { ZCreateStructureForm } from "@/lib/directory/schemas";
import { assertNoFieldErrors, checkReferences, checkUniqueKeys, createColumns, writeOffers } from "@/lib/directory/structure-data";

/** A stable key for CSV round trips when the coordinator gives none: "S-" and 10 hex digits. */
export function generateExternalId(): string {
  return `S-${randomBytes(5).toString("hex").toUpperCase()}`;
}

// A coordinator (for one of their territories) or an admin adds a structure to the directory.
export async function createStructure({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: Partial<z.input<typeof ZCreateStructureForm>>;
  db?: Db;
  now?: Date;
}): Promise<{ id: string }> {
  assertCan(actor, "directory.manage");
  const data = ZCreateStructureForm.parse(input);
  assertTerritoryInScope(actor, data.territoryId);
  assertNoFieldErrors({ ...(await checkReferences(db, data)), ...(await checkUniqueKeys(db, data)) });
  return db.$transaction(async (tx) => {
    const { id } = await tx.structure.create({
      data: {
        ...createColumns({ ...data, active: true, capacityConfirmedAt: null }),
        externalId: data.externalId ?? generateExternalId(),
        capacitySince: data.capacitySince ?? now,
        // Whoever creates the entry states its capacity today.
        capacityConfirmedAt: now,
      },
      select: { id: true },
    });
    await writeOffers(tx, id, data.offers);
    await recordEvent(tx, actor.id, { type: "directory.structure_created", subjectType: "structure", subjectId: id, data: { source: "form" } }, now);
    return { id };
  });
}
