import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkRequestAction } from "@/lib/requests/transitions";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZReopenRequest } from "@/lib/requests/schemas";

// A closed request comes back to triage, owned by the coordinator who reopens it; the reason is a
// coordination note. The outcome and closing date go (the request is open again); the previous
// summary stays, since the timeline shows it under the earlier closure.
export async function reopenRequest({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZReopenRequest>;
  db?: Db;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, reason } = ZReopenRequest.parse(input);
  await db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    checkRequestAction("reopen", request.status, actor.role);
    await updateRequestVersion(tx, { id: request.id, version }, { status: "TRIAGE", closedAt: null, closureOutcome: null }, now);
    if (request.ownerId !== actor.id) await tx.request.update({ where: { id: request.id }, data: { ownerId: actor.id, updatedAt: now }, select: { id: true } });
    const note = await tx.requestNote.create({
      data: { requestId: request.id, authorId: actor.id, kind: "COORDINATION", body: reason, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, actor.id, { type: "request.reopened", subjectType: "request", subjectId: request.id, data: { noteId: note.id } }, now);
  });
}
