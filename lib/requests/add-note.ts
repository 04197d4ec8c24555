import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { checkRequestAction } from "@/lib/requests/transitions";
import { loadRequestForAction } from "@/lib/requests/load-for-update";
import { ZAddNote } from "@/lib/requests/schemas";

// A coordinator's working note on an open request (phone call with the family, evaluation...).
// A note only adds to the history and changes nothing of the request, so it neither checks nor
// bumps the version: a nurse never loses a note she typed because a team answered meanwhile. The
// state is still checked (no note on a closed request: reopen it first).
export async function addNote({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZAddNote>;
  db?: Db;
  now?: Date;
}): Promise<{ noteId: string }> {
  assertCan(actor, "requests.coordinate");
  const { requestId, body } = ZAddNote.parse(input);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    checkRequestAction("addNote", request.status, actor.role);
    const note = await tx.requestNote.create({
      data: { requestId: request.id, authorId: actor.id, kind: "COORDINATION", body, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, actor.id, { type: "request.note_added", subjectType: "request", subjectId: request.id, data: { noteId: note.id } }, now);
    return { noteId: note.id };
  });
}
