import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { insertScreening, type RecordedScreening } from "@/lib/screening/insert-screening";
import { ZRecordScreening, type TRecordScreening } from "@/lib/screening/schemas";
import { loadRequestForAction } from "@/lib/requests/load-for-update";

/**
 * The coordinator answers a screening grid for a request of her scope (any grid, during triage or
 * later). Append-only: a new answer of the same grid supersedes the previous one for routing and
 * display (lib/screening/queries.ts), the history stays. The request's version is not
 * touched: a grid changes no field of the request, and the other forms of the page stay valid.
 */
export async function recordScreening({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TRecordScreening;
  db?: Db;
  now?: Date;
}): Promise<RecordedScreening> {
  assertCan(actor, "requests.coordinate");
  const { requestId, answers } = ZRecordScreening.parse(input);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    if (!OPEN_REQUEST_STATUSES.includes(request.status)) throw new AppError("INVALID_INPUT", "Demande clôturée : la grille ne peut plus être remplie.");
    return insertScreening(tx, { requestId: request.id, answers, actorId: actor.id, now });
  });
}
