import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { parisIsoDay } from "@/lib/time";
import { publicHolidays } from "@/lib/territories/holidays";
import { ZAddTerritoryClosure } from "@/lib/territories/schemas";
import type { z } from "zod";

// An administrator closes a territory's coordination for a day besides the public holidays (a
// bridge day, a team seminar): a planned request filed before it does not count that day.
export async function addTerritoryClosure({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZAddTerritoryClosure>;
  db?: Db;
  now?: Date;
}): Promise<{ day: string }> {
  assertCan(actor, "territories.manage");
  const data = ZAddTerritoryClosure.parse(input);
  const territory = await db.territory.findUnique({ where: { id: data.territoryId }, select: { id: true, departmentCode: true } });
  if (!territory) throw new AppError("NOT_FOUND", "Territoire introuvable.");
  if (data.day < parisIsoDay(now))
    throw new AppError("INVALID_INPUT", "Ce jour est passé.", { day: ["Jour de fermeture : choisissez aujourd'hui ou un jour à venir."] });
  const holiday = publicHolidays(Number(data.day.slice(0, 4)), territory.departmentCode).get(data.day);
  if (holiday)
    throw new AppError("INVALID_INPUT", "Ce jour est déjà férié.", {
      day: [`Jour de fermeture : c'est déjà un jour férié (${holiday}), les délais n'y courent pas.`],
    });
  return db.$transaction(async (tx) => {
    const existing = await tx.territoryClosure.findUnique({
      where: { territoryId_day: { territoryId: territory.id, day: new Date(data.day) } },
      select: { label: true },
    });
    if (existing) throw new AppError("INVALID_INPUT", "Ce jour est déjà fermé.", { day: [`Jour de fermeture : déjà indiqué (${existing.label}).`] });
    await tx.territoryClosure.create({ data: { territoryId: territory.id, day: new Date(data.day), label: data.label, createdById: actor.id } });
    await recordEvent(tx, actor.id, { type: "territory.closure_added", subjectType: "territory", subjectId: territory.id, data: { day: data.day } }, now);
    return { day: data.day };
  });
}
