import type { z } from "zod";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { editableStructureScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { assertTerritoryInScope } from "@/lib/directory/access";
import { CONTACT_FIELDS, ZStructureRef, ZUpdateContactsForm, ZUpdateStructureForm, type TStructureData } from "@/lib/directory/schemas";
import { assertNoFieldErrors, changedFields, checkReferences, checkUniqueKeys, STRUCTURE_DATA_SELECT, toStructureData, updateOnVersion, type StructureRow } from "@/lib/directory/structure-data";

export type UpdateResult = { changed: boolean; fields: string[]; version: number };

// Absent or outside the actor's scope: the same answer (we do not tell which).
export async function loadEditable(db: Db | Tx, actor: Actor, structureId: string): Promise<StructureRow> {
  const row = await db.structure.findFirst({ where: { AND: [{ id: structureId }, editableStructureScope(actor)] }, select: STRUCTURE_DATA_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "Cette structure n'existe pas ou vous ne pouvez pas la modifier.");
  return row;
}

function assertSameVersion(row: StructureRow, version: number): void {
  if (row.version !== version) {
    throw new AppError("CONFLICT", "Cette fiche a été modifiée par quelqu'un d'autre entre-temps : rechargez la page pour voir sa version actuelle, puis refaites votre modification.");
  }
}

async function apply(actor: Actor, db: Db, structureId: string, version: number, next: Partial<TStructureData>, now: Date): Promise<UpdateResult> {
  return db.$transaction(async (tx) => {
    const row = await loadEditable(tx, actor, structureId);
    assertSameVersion(row, version);
    const fields = changedFields(toStructureData(row), next);
    if (fields.length === 0) return { changed: false, fields, version };
    const changes = Object.fromEntries(fields.map((f) => [f, next[f]])) as Partial<TStructureData>;
    const newVersion = await updateOnVersion(tx, row.id, version, changes);
    await recordEvent(tx, actor.id, { type: "directory.structure_updated", subjectType: "structure", subjectId: row.id, data: { fields, source: "form" } }, now);
    return { changed: true, fields, version: newVersion };
  });
}

/** Coordinators (their territories) and admins: the whole entry. Nothing changed → no write, no event. */
export async function updateStructure({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: Partial<z.input<typeof ZUpdateStructureForm>>; db?: Db; now?: Date }): Promise<UpdateResult> {
  assertCan(actor, "directory.manage");
  const { structureId, version, ...data } = ZUpdateStructureForm.parse(input);
  const row = await loadEditable(db, actor, structureId);
  // Moving an entry to another territory: only to one of the coordinator's own.
  if (data.territoryId !== row.territoryId) assertTerritoryInScope(actor, data.territoryId);
  assertNoFieldErrors({ ...(await checkReferences(db, data)), ...(await checkUniqueKeys(db, data, structureId)) });
  // An entry without a key would fall out of CSV round trips: keep the one it had.
  const next: Partial<TStructureData> = { ...data, externalId: data.externalId ?? row.externalId };
  return apply(actor, db, structureId, version, next, now);
}

/** Team members (their own structures), and coordinators and admins: how to reach the team. */
export async function updateStructureContacts({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: Partial<z.input<typeof ZUpdateContactsForm>>; db?: Db; now?: Date }): Promise<UpdateResult> {
  assertCan(actor, "directory.edit");
  const { structureId, version, ...data } = ZUpdateContactsForm.parse(input);
  const next = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, data[f]])) as Partial<TStructureData>;
  return apply(actor, db, structureId, version, next, now);
}

/** Deactivate (hidden from searches and suggestions, kept for history) or reactivate an entry. */
export async function setStructureActive({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: z.input<typeof ZStructureRef> & { active: boolean }; db?: Db; now?: Date }): Promise<UpdateResult> {
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
