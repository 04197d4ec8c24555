import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { cancelReferralsOfRequest } from "@/lib/requests/cancel-referral";
import { checkRequestAction } from "@/lib/requests/transitions";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZCloseRequest } from "@/lib/requests/schemas";

// The coordination ends with an outcome (for the indicators) and a summary for the GP, who reads
// it in the request's timeline. Orientations no team has answered yet are cancelled; a team that
// accepted keeps its referral, so that it can still record its notes and its feedback and complete.
export async function closeRequest({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZCloseRequest>;
  db?: Db;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, outcome, summary } = ZCloseRequest.parse(input);
  await db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    checkRequestAction("close", request.status, actor.role);
    await updateRequestVersion(
      tx,
      { id: request.id, version },
      { status: "CLOSED", closureOutcome: outcome, closureSummary: summary, closedAt: now, needsReorientation: false },
      now,
    );
    await cancelReferralsOfRequest(tx, { actor, requestId: request.id, statuses: ["PROPOSED"], now });
    await notifyEvent(tx, await recordEvent(tx, actor.id, { type: "request.closed", subjectType: "request", subjectId: request.id, data: { outcome } }, now));
  });
}
