import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { REFERRAL_ACTIONS, deriveRequestStatus, type ReferralAction } from "@/lib/requests/transitions";
import { updateRequestVersion } from "@/lib/requests/load-for-update";

// Locks the request row until the end of the transaction. Two teams answering two referrals of the
// same request at once would otherwise each read the other's referral as still proposed and both
// leave the request "oriented" when both declined. Taking the request lock BEFORE changing the
// referral keeps one lock order (request, then referral) with the coordinator's own use cases.
export async function lockRequest(tx: Tx, requestId: string): Promise<{ status: RequestStatus }> {
  const rows = await tx.$queryRaw<{ status: RequestStatus }[]>`SELECT status::text AS status FROM "request" WHERE id = ${requestId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Demande introuvable.");
  return row;
}

const CLOSED_WORDS: Partial<Record<RequestStatus, string>> = { CLOSED: "la demande est clôturée", CANCELLED: "la demande est annulée" };

// A team may not start working on (accept, decline, first contact) a request the coordinator has
// closed or cancelled. Notes and completion stay possible: a team may still report back.
export function assertRequestOpenFor(action: ReferralAction, requestStatus: RequestStatus): void {
  const closed = CLOSED_WORDS[requestStatus];
  if (closed && (action === "accept" || action === "decline" || action === "recordFirstContact")) {
    const label = REFERRAL_ACTIONS[action].label;
    throw new AppError("INVALID_TRANSITION", `Impossible ${/^[aeiouyéh]/i.test(label) ? "d'" : "de "}${label} : ${closed}.`);
  }
}

export type SyncedStatus = { from: RequestStatus; to: RequestStatus; needsReorientation: boolean; changed: boolean };

// After a referral changed (accepted, declined, completed, cancelled): the request's status follows
// its referrals (deriveRequestStatus). Writes the request (version bumped) only when its status or
// its re-orientation flag changed, and records request.status_derived when the status did. Call it
// inside the transaction that changed the referral, after the change.
export async function syncRequestStatus(
  tx: Tx,
  { requestId, referralId, actorId, now = new Date() }: { requestId: string; referralId: string; actorId: string; now?: Date },
): Promise<SyncedStatus> {
  await lockRequest(tx, requestId);
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, status: true, version: true, needsReorientation: true, referrals: { select: { status: true } } },
  });
  const derived = deriveRequestStatus(
    request.status,
    request.referrals.map((r) => r.status),
  );
  // States the referrals do not drive (new, closed, cancelled) keep their flag as well.
  const frozen = request.status === "SUBMITTED" || request.status === "CLOSED" || request.status === "CANCELLED";
  const needsReorientation = frozen ? request.needsReorientation : derived.needsReorientation;
  const statusChanged = derived.status !== request.status;
  if (statusChanged || needsReorientation !== request.needsReorientation) {
    await updateRequestVersion(tx, request, { status: derived.status, needsReorientation }, now);
  }
  if (statusChanged) {
    await recordEvent(
      tx,
      actorId,
      { type: "request.status_derived", subjectType: "request", subjectId: requestId, data: { from: request.status, to: derived.status, referralId } },
      now,
    );
  }
  return { from: request.status, to: derived.status, needsReorientation, changed: statusChanged };
}
