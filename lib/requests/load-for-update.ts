import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { referralScope, requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";

const CONFLICT_MESSAGE = "Cette demande a été modifiée par quelqu'un d'autre entre-temps. Rechargez la page pour voir la dernière version, puis recommencez.";

// The request as the actor may act on it (their scope in the where), or NOT_FOUND — we never tell
// whether a request outside the scope exists.
export async function loadRequestForAction(tx: Tx, actor: Actor, requestId: string) {
  const request = await tx.request.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: { id: true, status: true, version: true, territoryId: true, ownerId: true, patientId: true, firstContactAt: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  return request;
}

// Optimistic concurrency: the change applies only if nobody changed the request since the user
// loaded it (same version); otherwise a clear conflict, never a silent overwrite. `at` is when the
// change happened (the use case's clock, back-dated in the demo history), not when it was written.
export async function updateRequestVersion(tx: Tx, ref: { id: string; version: number }, data: Prisma.RequestUpdateManyMutationInput, at: Date): Promise<void> {
  const { count } = await tx.request.updateMany({ where: { id: ref.id, version: ref.version }, data: { ...data, updatedAt: at, version: { increment: 1 } } });
  if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
}

export async function loadReferralForAction(tx: Tx, actor: Actor, referralId: string) {
  const referral = await tx.referral.findFirst({
    where: { id: referralId, ...referralScope(actor) },
    select: { id: true, status: true, version: true, structureId: true, requestId: true, firstContactAt: true },
  });
  if (!referral) throw new AppError("NOT_FOUND", "Orientation introuvable.");
  return referral;
}

export async function updateReferralVersion(
  tx: Tx,
  ref: { id: string; version: number },
  data: Prisma.ReferralUpdateManyMutationInput,
  at: Date,
): Promise<void> {
  const { count } = await tx.referral.updateMany({ where: { id: ref.id, version: ref.version }, data: { ...data, updatedAt: at, version: { increment: 1 } } });
  if (count === 0) {
    throw new AppError("CONFLICT", "Cette orientation a été modifiée par quelqu'un d'autre entre-temps. Rechargez la page, puis recommencez.");
  }
}

/**
 * The request a team acts on through its own referral (in one of `statuses`: the patient in its
 * charge), or a coordinator through the request itself; with the team's structure (null for the
 * coordination). Patient events and interventions are reported this way.
 */
export async function loadCareTarget(
  tx: Tx,
  actor: Actor,
  ids: { requestId?: string; referralId?: string },
  statuses: readonly ReferralStatus[],
): Promise<{ requestId: string; structureId: string | null }> {
  if (actor.role === "TEAM_MEMBER") {
    if (!ids.referralId) throw new AppError("NOT_FOUND", "Orientation introuvable.");
    const referral = await loadReferralForAction(tx, actor, ids.referralId);
    if (!statuses.includes(referral.status))
      throw new AppError("INVALID_TRANSITION", "Votre équipe n'a pas ce patient en charge : acceptez d'abord l'orientation.");
    return { requestId: referral.requestId, structureId: referral.structureId };
  }
  if (!ids.requestId) throw new AppError("NOT_FOUND", "Demande introuvable.");
  return { requestId: (await loadRequestForAction(tx, actor, ids.requestId)).id, structureId: null };
}
