import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";

/** Openings of the same record by the same person within this long count once in the trail. */
export const VIEW_DEDUP_MINUTES = 5;

// Every opening of a request page (and so of the patient's data) is an event with its actor.
// Called by the "open…" reads themselves (openMyRequest, openCoordinationRequest, openTeamReferral):
// no page has to remember it. A click-through (the page, its refreshes after each action, the
// back button) used to write ~8 events: an opening within VIEW_DEDUP_MINUTES of the same person's
// last one on the same request, with nothing new on it since, is the same consultation (a change in
// between makes it a new one: the GP's « Nouveau » badge goes by the last opening). The check and
// the write are one transaction under a lock on the pair, so that two tabs opened at once write one.
export async function recordRequestView({
  actor,
  requestId,
  patientId,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  patientId: string | null;
  db?: Db;
  now?: Date;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`view:${actor.id}:${requestId}`}, 0))`;
    const recent = await tx.event.findFirst({
      where: {
        subjectType: "request",
        subjectId: requestId,
        type: "request.viewed",
        actorId: actor.id,
        at: { gt: new Date(now.getTime() - VIEW_DEDUP_MINUTES * 60_000), lte: now },
      },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    if (recent) {
      const changed = await tx.event.findFirst({
        where: { subjectType: "request", subjectId: requestId, type: { not: "request.viewed" }, at: { gte: recent.at } },
        select: { id: true },
      });
      if (!changed) return;
    }
    await recordEvent(tx, actor.id, { type: "request.viewed", subjectType: "request", subjectId: requestId, data: { patientId } }, now);
  });
}
