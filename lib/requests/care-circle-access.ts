// Who reads and completes the care circle of a request's patient: the coordinators whose scope
// holds the request, and the teams that accepted a referral on it (accepted, under way or done) and
// still share the patient's data. Not the GP's view (his own patient), not the ARS. Deny by default.
import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { referralScope, requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { IN_CHARGE_REFERRAL_STATUSES } from "@/lib/lifecycle";

/** The request's patient, if the actor may read its care circle (null: not identified yet). */
export async function careCirclePatient(db: Db | Tx, actor: Actor, requestId: string): Promise<{ requestId: string; patientId: string | null }> {
  assertCan(actor, "requests.care_circle");
  const where =
    actor.role === "TEAM_MEMBER"
      ? { id: requestId, referrals: { some: { ...referralScope(actor), status: { in: [...IN_CHARGE_REFERRAL_STATUSES] } } } }
      : { id: requestId, ...requestScope(actor) };
  const request = await db.request.findFirst({ where, select: { id: true, patientId: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  return { requestId: request.id, patientId: request.patientId };
}
