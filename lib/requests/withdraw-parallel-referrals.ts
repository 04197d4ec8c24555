import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { cancelReferralsOfRequest } from "@/lib/requests/cancel-referral";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZWithdrawParallelReferrals } from "@/lib/requests/schemas";
import { lockRequest, syncRequestStatus } from "@/lib/requests/sync-request-status";

/**
 * Parallel referrals: a team accepted, and the coordinator withdraws the other orientations still
 * waiting for an answer (the teams are told, without details). The accepted one is named in each
 * withdrawal's event. Only proposed referrals of this request, and only once one is accepted.
 */
export async function withdrawParallelReferrals({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZWithdrawParallelReferrals>;
  db?: Db;
  now?: Date;
}): Promise<{ withdrawn: number }> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, referralIds } = ZWithdrawParallelReferrals.parse(input);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    await lockRequest(tx, request.id);
    await updateRequestVersion(tx, { id: request.id, version }, {}, now);
    const referrals = await tx.referral.findMany({
      where: { requestId: request.id },
      orderBy: { respondedAt: "asc" },
      select: { id: true, status: true, structureId: true },
    });
    const accepted = referrals.find((r) => r.status === "ACCEPTED" || r.status === "IN_PROGRESS");
    const chosen = referrals.filter((r) => referralIds.includes(r.id));
    if (!accepted) throw new AppError("INVALID_TRANSITION", "Aucune équipe n'a encore accepté : les orientations restent en attente.");
    if (chosen.length !== new Set(referralIds).size || chosen.some((r) => r.status !== "PROPOSED"))
      throw new AppError("INVALID_INPUT", "Orientations à retirer invalides.", {
        referralIds: ["Seules les orientations encore en attente de réponse peuvent être retirées."],
      });
    const withdrawn = await cancelReferralsOfRequest(tx, {
      actor,
      requestId: request.id,
      statuses: ["PROPOSED"],
      structureIds: chosen.map((r) => r.structureId),
      parallelOf: accepted.id,
      now,
    });
    await syncRequestStatus(tx, { requestId: request.id, referralId: chosen[0]!.id, actorId: actor.id, now });
    return { withdrawn };
  });
}
