// The explicit step that records the needs nobody can serve for the territory: run when the
// coordinator opens a request (openCoordinationRequest), never by a read.
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import type { Need } from "@/lib/generated/prisma/enums";
import { getRoutingSuggestions, type RequestSuggestions } from "@/lib/routing/suggest-for-request";

/** The request's routing suggestions, with the needs found unmet recorded (the first time only). */
export async function flagUnmetNeeds({
  actor,
  requestId,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<RequestSuggestions> {
  const suggestions = await getRoutingSuggestions({ actor, requestId, db, now });
  if (!suggestions.routed) return suggestions;
  const unmet = suggestions.needs.filter((need) => need.unmet).map((need) => need.need);
  const flagged = await recordUnmetNeeds({ db, actor, requestId, unmet, stored: suggestions.unmetNeeds, now });
  return { ...suggestions, unmetNeeds: [...suggestions.unmetNeeds, ...flagged], flagged };
}

/**
 * Where unmet needs are written: when a coordinator opens the request (the moment the platform
 * routes it and she sees "Besoin non couvert"), not at orientation — a request nobody can serve
 * may never be oriented, and it is exactly the one the ARS must count. The set only grows while the
 * request is open: a need the directory could not serve when the request was handled stays counted
 * even if a team later covers the commune. Page views that find nothing new write nothing; two
 * coordinators opening it at once are serialised by the row lock, so each need is flagged once.
 * The request's version is not bumped: this is the platform's finding, not a user's edit, and it
 * must not make the forms already on screen stale.
 */
async function recordUnmetNeeds({
  db,
  actor,
  requestId,
  unmet,
  stored,
  now,
}: {
  db: Db;
  actor: Actor;
  requestId: string;
  unmet: Need[];
  stored: Need[];
  now: Date;
}): Promise<Need[]> {
  if (unmet.every((need) => stored.includes(need))) return [];
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { unmet_needs: Need[] | null }[]
    >`SELECT unmet_needs::text[] AS unmet_needs FROM "request" WHERE id = ${requestId} FOR UPDATE`;
    const current = rows[0]?.unmet_needs ?? [];
    const fresh = unmet.filter((need) => !current.includes(need));
    if (fresh.length === 0) return [];
    await tx.request.update({ where: { id: requestId }, data: { unmetNeeds: [...current, ...fresh], updatedAt: now }, select: { id: true } });
    await recordEvent(tx, actor.id, { type: "request.unmet_needs_flagged", subjectType: "request", subjectId: requestId, data: { needs: fresh } }, now);
    return fresh;
  });
}
