import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";

// Every opening of a request page (and so of the patient's data) is an event with its actor.
// Called by the "open…" reads themselves (openMyRequest, openCoordinationRequest, openTeamReferral):
// no page has to remember it.
export async function recordRequestView({
  actor,
  requestId,
  patientId,
  db = prisma,
  now,
}: {
  actor: Actor;
  requestId: string;
  patientId: string | null;
  db?: Db;
  now?: Date;
}): Promise<void> {
  await db.$transaction((tx) => recordEvent(tx, actor.id, { type: "request.viewed", subjectType: "request", subjectId: requestId, data: { patientId } }, now));
}
