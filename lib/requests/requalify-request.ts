import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { checkRequestAction } from "@/lib/requests/transitions";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZRequalifyRequest } from "@/lib/requests/schemas";
import { loadPromisingTerritory, territoryPromise } from "@/lib/requests/territory-promise";

const sameNeeds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The coordinator corrects a request after talking with the family or the GP: its urgency, the
 * place of care, its needs — with the reason, kept as her note. A new urgency changes the
 * territory's promise: the due dates are recomputed from the filing (what a crisis filed then was
 * owed). On the version she saw; nothing changed is refused with why.
 */
export async function requalifyRequest({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZRequalifyRequest>;
  db?: Db;
  now?: Date;
}): Promise<{ requestId: string; changed: ("urgency" | "placeOfCare" | "needs")[] }> {
  assertCan(actor, "requests.coordinate");
  const data = ZRequalifyRequest.parse(input);
  return db.$transaction(async (tx) => {
    const ref = await loadRequestForAction(tx, actor, data.requestId);
    checkRequestAction("requalify", ref.status, actor.role);
    const request = await tx.request.findUniqueOrThrow({
      where: { id: ref.id },
      select: { urgency: true, placeOfCare: true, needs: true, submittedAt: true, territoryId: true },
    });
    const urgency = request.urgency !== data.urgency ? { from: request.urgency, to: data.urgency } : null;
    const placeOfCare = request.placeOfCare !== data.placeOfCare ? { from: request.placeOfCare, to: data.placeOfCare } : null;
    const needs = sameNeeds(request.needs, data.needs) ? null : { from: request.needs, to: data.needs };
    if (!urgency && !placeOfCare && !needs)
      throw new AppError("INVALID_INPUT", "Rien n'a changé.", { urgency: ["Modifiez l'urgence, le lieu ou les besoins."] });

    const territory = urgency && request.territoryId ? await loadPromisingTerritory(tx, request.territoryId, request.submittedAt) : null;
    const promised = territory ? territoryPromise(territory, data.urgency, request.submittedAt) : null;
    await updateRequestVersion(
      tx,
      { id: ref.id, version: data.version },
      {
        urgency: data.urgency,
        placeOfCare: data.placeOfCare,
        needs: data.needs,
        ...(promised ? { triageDueAt: promised.triageDueAt, contactDueAt: promised.contactDueAt, dueClock: promised.clock } : {}),
      },
      now,
    );
    const note = await tx.requestNote.create({
      data: { requestId: ref.id, authorId: actor.id, kind: "COORDINATION", body: data.reason, createdAt: now },
      select: { id: true },
    });
    await recordEvent(
      tx,
      actor.id,
      { type: "request.requalified", subjectType: "request", subjectId: ref.id, data: { urgency, placeOfCare, needs, noteId: note.id } },
      now,
    );
    return {
      requestId: ref.id,
      changed: [...(urgency ? (["urgency"] as const) : []), ...(placeOfCare ? (["placeOfCare"] as const) : []), ...(needs ? (["needs"] as const) : [])],
    };
  });
}
