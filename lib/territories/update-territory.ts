import { isDeepStrictEqual } from "node:util";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZUpdateTerritory, type TUpdateTerritoryInput } from "@/lib/territories/schemas";
import { TERRITORY_FIELDS, territoryColumns } from "@/lib/territories/territory-columns";

// An administrator edits a territory's contact sheet, hours and service levels. Requests already
// filed keep the due dates promised when they were filed; new ones get the new terms.
export async function updateTerritory({
  actor,
  input,
  db = prisma,
}: {
  actor: Actor;
  input: Partial<TUpdateTerritoryInput>;
  db?: Db;
}): Promise<{ changed: string[] }> {
  assertCan(actor, "territories.manage");
  const { territoryId, ...data } = ZUpdateTerritory.parse(input);
  const department = await db.department.findUnique({ where: { code: data.departmentCode }, select: { code: true } });
  if (!department) throw new AppError("INVALID_INPUT", "Département inconnu.", { departmentCode: ["Choisissez le département dans la liste."] });
  const next = territoryColumns(data);
  return db.$transaction(async (tx) => {
    // FOR UPDATE: two administrators saving at once are told apart by the event, one after the other.
    const [current] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM territory WHERE id = ${territoryId} FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", "Territoire introuvable.");
    const before = await tx.territory.findUniqueOrThrow({ where: { id: territoryId }, select: Object.fromEntries(TERRITORY_FIELDS.map((f) => [f, true])) });
    // As read back: the on-call hours are null, not Prisma's DbNull marker.
    const after: Record<string, unknown> = { ...next, onCallHours: data.serviceLevels.onCallHours };
    const changed = TERRITORY_FIELDS.filter((f) => !isDeepStrictEqual((before as Record<string, unknown>)[f] ?? null, after[f] ?? null));
    if (changed.length === 0) return { changed };
    await tx.territory.update({ where: { id: territoryId }, data: next });
    await recordEvent(tx, actor.id, { type: "territory.updated", subjectType: "territory", subjectId: territoryId, data: { changed } });
    return { changed };
  });
}
