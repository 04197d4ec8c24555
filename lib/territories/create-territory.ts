import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { normalizeSearchName } from "@/lib/geography/reference-data";
import { ZCreateTerritory, type TCreateTerritoryInput } from "@/lib/territories/schemas";
import { territoryColumns } from "@/lib/territories/territory-columns";

// "Meuse Nord" → "meuse-nord"; "meuse-nord-2" when taken (the slug names the routing rules' page).
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = normalizeSearchName(name).replace(/ /g, "-").slice(0, 60) || "territoire";
  const taken = new Set((await db.territory.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// An administrator opens a territory (a new coordination team): its contact sheet, hours and service
// levels; its communes are added next, on its page.
export async function createTerritory({
  actor,
  input,
  db = prisma,
}: {
  actor: Actor;
  input: Partial<TCreateTerritoryInput>;
  db?: Db;
}): Promise<{ id: string; slug: string }> {
  assertCan(actor, "territories.manage");
  const data = ZCreateTerritory.parse(input);
  const department = await db.department.findUnique({ where: { code: data.departmentCode }, select: { code: true } });
  if (!department) throw new AppError("INVALID_INPUT", "Département inconnu.", { departmentCode: ["Choisissez le département dans la liste."] });
  return db.$transaction(async (tx) => {
    const slug = await freeSlug(db, data.name);
    const territory = await tx.territory.create({ data: { slug, ...territoryColumns(data) }, select: { id: true, slug: true } });
    await recordEvent(tx, actor.id, { type: "territory.created", subjectType: "territory", subjectId: territory.id, data: {} });
    return territory;
  });
}
