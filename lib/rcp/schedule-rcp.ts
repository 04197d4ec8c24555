import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { parisIsoDay, parisTime } from "@/lib/time";
import { ZScheduleRcp, type TScheduleRcp } from "@/lib/rcp/schemas";

/**
 * A coordinator schedules a supportive-care RCP for one of her territories: when, where (or the
 * video link), the structures of the directory invited and the other professionals.
 */
export async function scheduleRcp({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: TScheduleRcp; db?: Db; now?: Date }) {
  assertCan(actor, "rcp.manage");
  const data = ZScheduleRcp.parse(input);
  if (!actor.territoryIds.includes(data.territoryId))
    throw new AppError("FORBIDDEN", "Ce territoire n'est pas le vôtre.", { territoryId: ["Choisissez un de vos territoires."] });
  if (data.day < parisIsoDay(now)) throw new AppError("INVALID_INPUT", "Cette date est passée.", { day: ["Date : aujourd'hui ou plus tard."] });
  const [y, m, d] = data.day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = data.time.split(":").map(Number) as [number, number];
  const structureIds = [...new Set(data.structureIds)];
  const known = await db.structure.count({ where: { id: { in: structureIds }, active: true } });
  if (known !== structureIds.length)
    throw new AppError("INVALID_INPUT", "Structure inconnue.", { structureIds: ["Choisissez des structures actives de l'annuaire."] });
  return db.$transaction(async (tx) => {
    const meeting = await tx.rcpMeeting.create({
      data: {
        territoryId: data.territoryId,
        scheduledAt: parisTime(y, m, d, hh, mm),
        place: data.place?.trim() || null,
        videoUrl: data.videoUrl ?? null,
        invitedStructureIds: structureIds,
        invitedOthers: data.invitedOthers?.trim() || null,
        createdById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordEvent(tx, actor.id, { type: "rcp.scheduled", subjectType: "territory", subjectId: data.territoryId, data: { meetingId: meeting.id } }, now);
    return { id: meeting.id };
  });
}
