import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { assertTerritoryInScope } from "@/lib/directory/access";
import { applyStructureChanges, loadEditable, type UpdateResult } from "@/lib/directory/edit-structure";
import { ZUpdateStructureForm, type TStructureData } from "@/lib/directory/schemas";
import { assertNoFieldErrors, checkReferences, checkUniqueKeys } from "@/lib/directory/structure-data";

/** Coordinators (their territories) and admins: the whole entry. Nothing changed → no write, no event. */
export async function updateStructure({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: Partial<z.input<typeof ZUpdateStructureForm>>;
  db?: Db;
  now?: Date;
}): Promise<UpdateResult> {
  assertCan(actor, "directory.manage");
  const { structureId, version, ...data } = ZUpdateStructureForm.parse(input);
  const row = await loadEditable(db, actor, structureId);
  // Moving an entry to another territory: only to one of the coordinator's own.
  if (data.territoryId !== row.territoryId) assertTerritoryInScope(actor, data.territoryId);
  assertNoFieldErrors({ ...(await checkReferences(db, data)), ...(await checkUniqueKeys(db, data, structureId)) });
  // An entry without a key would fall out of CSV round trips: keep the one it had.
  const next: Partial<TStructureData> = { ...data, externalId: data.externalId ?? row.externalId };
  return applyStructureChanges(actor, db, structureId, version, next, now);
}
