import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { assertSameVersion, loadEditable, type UpdateResult } from "@/lib/directory/edit-structure";
import { ZStructureRef } from "@/lib/directory/schemas";
import { updateOnVersion } from "@/lib/directory/structure-data";

/** Deactivate (hidden from searches and suggestions, kept for history) or reactivate an entry. */
export async function setStructureActive({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZStructureRef> & { active: boolean };
  db?: Db;
  now?: Date;
}): Promise<UpdateResult> {
  assertCan(actor, "directory.manage");
  const { structureId, version } = ZStructureRef.parse(input);
  const active = input.active === true;
  return db.$transaction(async (tx) => {
    const row = await loadEditable(tx, actor, structureId);
    assertSameVersion(row, version);
    if (row.active === active) return { changed: false, fields: [], version };
    const newVersion = await updateOnVersion(tx, row.id, version, { active });
    await recordEvent(
      tx,
      actor.id,
      active
        ? { type: "directory.structure_updated", subjectType: "structure", subjectId: row.id, data: { fields: ["active"], source: "form" } }
        : { type: "directory.structure_deactivated", subjectType: "structure", subjectId: row.id, data: {} },
      now,
    );
    return { changed: true, fields: ["active"], version: newVersion };
  });
}
