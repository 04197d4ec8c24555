import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { applyStructureChanges, type UpdateResult } from "@/lib/directory/edit-structure";
import { CONTACT_FIELDS, ZUpdateContactsForm, type TStructureData } from "@/lib/directory/schemas";

/** Team members (their own structures), and coordinators and admins: how to reach the team. */
export async function updateStructureContacts({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: Partial<z.input<typeof ZUpdateContactsForm>>;
  db?: Db;
  now?: Date;
}): Promise<UpdateResult> {
  assertCan(actor, "directory.edit");
  const { structureId, version, ...data } = ZUpdateContactsForm.parse(input);
  const next = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, data[f]])) as Partial<TStructureData>;
  return applyStructureChanges(actor, db, structureId, version, next, now);
}
