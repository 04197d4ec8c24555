// What the structure edits share: the entry as the actor may edit it, the version check, and one
// write of the fields that changed with its event (nothing changed → no write, no event).
import { type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { editableStructureScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { TStructureData } from "@/lib/directory/schemas";
import { changedFields, STRUCTURE_DATA_SELECT, toStructureData, updateOnVersion, type StructureRow } from "@/lib/directory/structure-data";

export type UpdateResult = { changed: boolean; fields: string[]; version: number };

// Absent or outside the actor's scope: the same answer (we do not tell which).
export async function loadEditable(db: Db | Tx, actor: Actor, structureId: string): Promise<StructureRow> {
  const row = await db.structure.findFirst({ where: { AND: [{ id: structureId }, editableStructureScope(actor)] }, select: STRUCTURE_DATA_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "Cette structure n'existe pas ou vous ne pouvez pas la modifier.");
  return row;
}

export function assertSameVersion(row: StructureRow, version: number): void {
  if (row.version !== version) {
    throw new AppError(
      "CONFLICT",
      "Cette fiche a été modifiée par quelqu'un d'autre entre-temps : rechargez la page pour voir sa version actuelle, puis refaites votre modification.",
    );
  }
}

export async function applyStructureChanges(
  actor: Actor,
  db: Db,
  structureId: string,
  version: number,
  next: Partial<TStructureData>,
  now: Date,
): Promise<UpdateResult> {
  return db.$transaction(async (tx) => {
    const row = await loadEditable(tx, actor, structureId);
    assertSameVersion(row, version);
    const fields = changedFields(toStructureData(row), next);
    if (fields.length === 0) return { changed: false, fields, version };
    const changes = Object.fromEntries(fields.map((f) => [f, next[f]])) as Partial<TStructureData>;
    const newVersion = await updateOnVersion(tx, row.id, version, changes);
    await recordEvent(
      tx,
      actor.id,
      { type: "directory.structure_updated", subjectType: "structure", subjectId: row.id, data: { fields, source: "form" } },
      now,
    );
    return { changed: true, fields, version: newVersion };
  });
}
