import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZAssignTerritory } from "@/lib/requests/schemas";
import { loadPromisingTerritory, territoryPromise } from "@/lib/requests/territory-promise";
import type { z } from "zod";

/**
 * A request hors territoire — its commune is in no territory, so nobody received it — is given to
 * a territory by a coordinator of its département (one of hers, to take it, or a neighbour's) or
 * by an administrator (who reads no patient: the request's number, commune and needs only). It
 * then follows that territory's delays, counted from its filing (the patient has been waiting
 * since), its coordinators are told, and the dashboards count it there instead of as unmet.
 */
export async function assignRequestTerritory({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZAssignTerritory>;
  db?: Db;
  now?: Date;
}): Promise<{ requestId: string; number: number; territoryName: string; mine: boolean; admin: boolean }> {
  assertCan(actor, "requests.assign_territory");
  const data = ZAssignTerritory.parse(input);
  return db.$transaction(async (tx) => {
    const request = await tx.request.findFirst({
      where: { id: data.requestId, ...(actor.role === "ADMIN" ? {} : requestScope(actor)) },
      select: { id: true, number: true, version: true, territoryId: true, status: true, urgency: true, submittedAt: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
    if (request.territoryId) throw new AppError("INVALID_TRANSITION", "Cette demande a déjà un territoire : rechargez la page.");
    if (request.status !== "SUBMITTED") throw new AppError("INVALID_TRANSITION", "Cette demande n'est plus en attente : rechargez la page.");
    const territory = await loadPromisingTerritory(tx, data.territoryId, request.submittedAt);
    if (!territory) throw new AppError("INVALID_INPUT", "Territoire inconnu.", { territoryId: ["Choisissez le territoire dans la liste."] });
    const promised = territoryPromise(territory, request.urgency, request.submittedAt);
    await updateRequestVersion(
      tx,
      { id: request.id, version: data.version },
      { triageDueAt: promised.triageDueAt, contactDueAt: promised.contactDueAt, dueClock: promised.clock },
      now,
    );
    // After the version check (a foreign key is not in an updateMany's data).
    await tx.request.update({ where: { id: request.id }, data: { territoryId: territory.id, updatedAt: now }, select: { id: true } });
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        { type: "request.territory_assigned", subjectType: "request", subjectId: request.id, data: { territoryId: territory.id, from: null } },
        now,
      ),
    );
    return {
      requestId: request.id,
      number: request.number,
      territoryName: territory.name,
      mine: actor.role === "COORDINATOR" && actor.territoryIds.includes(territory.id),
      admin: actor.role === "ADMIN",
    };
  });
}
