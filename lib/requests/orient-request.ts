import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { notifyEvent } from "@/lib/notifications/notify-event";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { checkRequestAction, deriveRequestStatus } from "@/lib/requests/transitions";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZOrientRequest } from "@/lib/requests/schemas";
import { lockRequest } from "@/lib/requests/sync-request-status";
import { routeRequestForOrientation } from "@/lib/routing/suggest-for-request";
import { checkOrientation } from "@/lib/routing/suggestion-rank";
import { sharingDecisionFor } from "@/lib/requests/sharing-consent";
import { formatDate } from "@/lib/time";

// The coordinator sends the request to one or several care structures of its territory: one
// referral per structure, each to be accepted or declined by its team. The optional message is a
// coordination note the teams read with the orientation. The request's status then follows its
// referrals (oriented, or still in care when a second team is added) and the "à réorienter" flag
// is cleared.
//
// Routing: each referral records the structure's rank among the platform's suggestions (null when
// it was not one). Choosing a structure outside the top suggestions while there were some is an
// override: the coordinator must say why, and the reason is kept on those referrals.
//
// Consent: no structure receives the patient's data without their consent to sharing with it
// (lib/requests/sharing-consent.ts): the GP's filing attests it for every structure solicited; a public-form request
// needs the coordinator to record it; a refusal stands until a later consent.
export async function orientRequest({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZOrientRequest>;
  db?: Db;
  now?: Date;
}): Promise<{ referralIds: string[] }> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, note, structureIds: chosen, overrideReason: reason } = ZOrientRequest.parse(input);
  const overrideReason = reason || null;
  const structureIds = [...new Set(chosen)];
  return db.$transaction(async (tx) => {
    const { id } = await loadRequestForAction(tx, actor, requestId);
    // Held until commit: a team's answer on another referral of this request waits for us, and so
    // does another coordinator orienting it at the same time (who then gets the version conflict).
    await lockRequest(tx, id);
    const request = await tx.request.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true, territoryId: true, needs: true, consentCoordination: true, referrals: { select: { status: true } } },
    });
    checkRequestAction("orient", request.status, actor.role);
    // The version first: a stale form is told so, rather than whatever changed meanwhile.
    await updateRequestVersion(tx, { id, version }, { needsReorientation: false }, now);

    // Only active structures of the request's own territory, or covering the patient's commune (a
    // neighbouring territory's outreach team): a structure id from elsewhere (a forged form, another
    // territory) is refused, never silently added.
    const { routing, orientable } = await routeRequestForOrientation(tx, id, now);
    const structures = await tx.structure.findMany({
      where: { id: { in: structureIds.filter((s) => orientable.has(s)) }, active: true },
      select: { id: true, name: true },
    });
    if (!request.territoryId || structures.length !== structureIds.length) {
      throw new AppError("INVALID_INPUT", "Orientation impossible.", { structureIds: ["Choisissez des structures actives du territoire de la demande."] });
    }
    if (!request.consentCoordination) {
      throw new AppError("INVALID_INPUT", "Orientation impossible : le patient a retiré son consentement à la coordination.", {
        structureIds: ["Le patient ne consent plus à la coordination de son parcours : enregistrez un nouveau consentement avant d'orienter."],
      });
    }
    // A withdrawal of the consent to the coordination also withdrew every sharing: it counts as a
    // refusal for all structures (a later consent to the coordination does not give sharing back).
    const decisions = await tx.sharingConsent.findMany({
      where: { requestId: request.id, NOT: { purpose: "COORDINATION", granted: true } },
      select: { structureId: true, granted: true, recordedAt: true },
    });
    const unshared = structures.flatMap((s) => {
      const decision = sharingDecisionFor(decisions, s.id);
      return decision?.granted ? [] : [decision ? `${s.name} (partage refusé le ${formatDate(decision.recordedAt)})` : s.name];
    });
    if (unshared.length > 0) {
      throw new AppError("INVALID_INPUT", "Orientation impossible : consentement au partage manquant.", {
        structureIds: [
          `Le patient n'a pas consenti au partage de ses données avec ${unshared.join(", ")} : enregistrez son consentement (« Consentements du patient ») avant d'orienter.`,
        ],
      });
    }
    const busy = await tx.referral.findMany({
      where: { requestId: request.id, structureId: { in: structureIds }, status: { in: [...ACTIVE_REFERRAL_STATUSES] } },
      select: { structureId: true },
    });
    if (busy.length > 0) {
      const names = structures.filter((s) => busy.some((b) => b.structureId === s.id)).map((s) => s.name);
      const message =
        names.length === 1
          ? `${names[0]} a déjà une orientation en cours pour cette demande.`
          : `${names.join(", ")} ont déjà une orientation en cours pour cette demande.`;
      throw new AppError("INVALID_INPUT", "Orientation impossible.", { structureIds: [message] });
    }

    const { ranks, overrides, reasonRequired } = checkOrientation(routing, structureIds);
    if (reasonRequired && !overrideReason) {
      const names = overrides.map((sid) => structures.find((s) => s.id === sid)?.name ?? sid);
      const which = names.length === 1 ? `${names[0]} n'est pas parmi les suggestions` : `${names.join(", ")} ne sont pas parmi les suggestions`;
      throw new AppError("INVALID_INPUT", "Orientation hors suggestions : indiquez le motif.", {
        overrideReason: [`${which} pour les besoins de cette demande : indiquez pourquoi vous ${names.length === 1 ? "la choisissez" : "les choisissez"}.`],
      });
    }

    const created = await tx.referral.createManyAndReturn({
      data: structureIds.map((structureId) => ({
        requestId: request.id,
        structureId,
        needs: request.needs,
        proposedById: actor.id,
        proposedAt: now,
        updatedAt: now,
        suggestionRank: ranks.get(structureId) ?? null,
        overrideReason: overrides.includes(structureId) ? overrideReason : null,
      })),
      select: { id: true, structureId: true },
    });
    const derived = deriveRequestStatus(request.status, [...request.referrals.map((r) => r.status), ...created.map(() => "PROPOSED" as const)]);
    if (derived.status !== request.status) await tx.request.update({ where: { id }, data: { status: derived.status, updatedAt: now }, select: { id: true } });
    const noteRow = note
      ? await tx.requestNote.create({
          data: { requestId: request.id, authorId: actor.id, kind: "COORDINATION", body: note, createdAt: now },
          select: { id: true },
        })
      : null;
    await notifyEvent(
      tx,
      await recordEvent(
        tx,
        actor.id,
        {
          type: "request.oriented",
          subjectType: "request",
          subjectId: request.id,
          data: { referralIds: created.map((r) => r.id), structureIds: created.map((r) => r.structureId), noteId: noteRow?.id ?? null },
        },
        now,
      ),
    );
    return { referralIds: created.map((r) => r.id) };
  });
}
