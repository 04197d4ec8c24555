import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { ZRecordSharingConsent, type TRecordSharingConsent } from "@/lib/requests/schemas";
import { cancelReferralsOfRequest } from "@/lib/requests/cancel-referral";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { lockRequest, syncRequestStatus } from "@/lib/requests/sync-request-status";
import { routeRequestForOrientation } from "@/lib/routing/suggest-for-request";

export type RecordedSharingConsent = {
  id: string;
  requestId: string;
  purpose: "COORDINATION" | "SHARING";
  granted: boolean;
  withdrawnReferralIds: string[];
};

/**
 * The coordinator records what the patient (or their representative) said about sharing their data
 * with one structure, or with every structure the coordination solicits: who recorded it, when,
 * how. Orienting to a structure needs its consent (orient-request.ts). A refusal — or a withdrawal,
 * a refusal after a consent — stops the sharing at once: the structure's referrals of this request
 * are marked so its team no longer reads the request (lib/authz/scopes.ts), the active ones are
 * withdrawn (the team is told, without details), and it is in the timeline.
 *
 * The consent to the coordination itself is recorded the same way (purpose COORDINATION): its
 * withdrawal stops every sharing like a refusal for all structures, and no orientation is possible
 * until the patient consents again (request.consentCoordination, orient-request.ts); the close form
 * then proposes « Refus du patient ».
 */
export async function recordSharingConsent({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TRecordSharingConsent;
  db?: Db;
  now?: Date;
}): Promise<RecordedSharingConsent> {
  assertCan(actor, "requests.coordinate");
  const data = ZRecordSharingConsent.parse(input);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, data.requestId);
    await lockRequest(tx, request.id);
    const coordination = data.purpose === "COORDINATION";
    await updateRequestVersion(tx, { id: request.id, version: data.version }, coordination ? { consentCoordination: data.granted } : {}, now);
    if (data.structureId) {
      // A structure that may receive this request, or that already has one of its referrals.
      const { orientable } = await routeRequestForOrientation(tx, request.id, now);
      const referred = await tx.referral.count({ where: { requestId: request.id, structureId: data.structureId } });
      if (!orientable.has(data.structureId) && referred === 0)
        throw new AppError("INVALID_INPUT", "Structure inconnue pour cette demande.", { structureId: ["Choisissez une structure de la liste."] });
    }
    const consent = await tx.sharingConsent.create({
      data: {
        requestId: request.id,
        purpose: data.purpose,
        structureId: data.structureId,
        granted: data.granted,
        method: data.method,
        representativeName: data.method === "REPRESENTATIVE" ? data.representativeName?.trim() || null : null,
        note: data.note?.trim() || null,
        recordedById: actor.id,
        recordedAt: now,
      },
      select: { id: true },
    });

    let withdrawn: { id: string; structureId: string }[] = [];
    if (!data.granted) {
      withdrawn = await tx.referral.findMany({
        where: { requestId: request.id, sharingWithdrawn: false, ...(data.structureId ? { structureId: data.structureId } : {}) },
        select: { id: true, structureId: true },
      });
      if (withdrawn.length > 0) {
        await tx.referral.updateMany({ where: { id: { in: withdrawn.map((r) => r.id) } }, data: { sharingWithdrawn: true } });
      }
    }
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "request.sharing_consent",
          subjectType: "request",
          subjectId: request.id,
          data: {
            consentId: consent.id,
            ...(coordination ? { purpose: "COORDINATION" as const } : {}),
            structureId: data.structureId,
            granted: data.granted,
            referralIds: withdrawn.map((r) => r.id),
          },
        },
        now,
      ),
    );
    if (withdrawn.length > 0) {
      const structureIds = [...new Set(withdrawn.map((r) => r.structureId))];
      const cancelled = await cancelReferralsOfRequest(tx, { actor, requestId: request.id, statuses: ACTIVE_REFERRAL_STATUSES, structureIds, now });
      if (cancelled > 0) await syncRequestStatus(tx, { requestId: request.id, referralId: withdrawn[0]!.id, actorId: actor.id, now });
    }
    return { id: consent.id, requestId: request.id, purpose: data.purpose, granted: data.granted, withdrawnReferralIds: withdrawn.map((r) => r.id) };
  });
}
