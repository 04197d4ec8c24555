import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { cancelReferralsOfRequest } from "@/lib/requests/cancel-referral";
import { checkRequestAction } from "@/lib/requests/transitions";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZCancelRequest } from "@/lib/requests/schemas";

// A duplicate or a withdrawn request leaves the queue. The details (e.g. the number of the request
// it duplicates) are a coordination note. Every orientation still under way is cancelled with it:
// the request is void, no team should work on it.
export async function cancelRequest({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZCancelRequest>;
  db?: Db;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, reason, details } = ZCancelRequest.parse(input);
  await db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    checkRequestAction("cancel", request.status, actor.role);
    await updateRequestVersion(tx, { id: request.id, version }, { status: "CANCELLED", cancelReason: reason, needsReorientation: false }, now);
    await cancelReferralsOfRequest(tx, { actor, requestId: request.id, statuses: ACTIVE_REFERRAL_STATUSES, now });
    const note = await tx.requestNote.create({
      data: { requestId: request.id, authorId: actor.id, kind: "COORDINATION", body: details, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, actor.id, { type: "request.cancelled", subjectType: "request", subjectId: request.id, data: { reason, noteId: note.id } }, now);
  });
}
