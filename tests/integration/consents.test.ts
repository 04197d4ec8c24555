// The patient's consent to sharing (issue 13, « Care circle and consent »): a record of who
// recorded it, when and how; no orientation to a structure without it; a refusal or a withdrawal
// stops the sharing at once — the team loses access to the request, its conversation and its
// referral — and is in the timeline. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { recordSharingConsent } from "@/lib/requests/record-sharing-consent";
import { listSharingConsents } from "@/lib/requests/consent-queries";
import { getConversation } from "@/lib/messages/queries";
import { postMessage } from "@/lib/messages/post-message";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { getTeamReferral, listTeamInbox } from "@/lib/referrals/team-queries";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { filePublicTestRequest, fileTestRequest, orientedToBothTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok", message: "", fields: {} as Record<string, string[]> }),
    (e: { code?: string; message: string; fieldErrors?: Record<string, string[]> }) => ({
      code: e.code ?? (e instanceof ZodError ? "ZOD" : String(e)),
      message: e.message,
      fields: e.fieldErrors ?? {},
    }),
  );

// A family's call for help from Bar-le-Duc (Meuse Sud), claimed by the coordinator.
async function publicRequest() {
  const filed = await filePublicTestRequest(db, {}, NOW);
  await claimRequest({ db, actor: world.idec, requestId: filed.id, now: minutes(1) });
  return filed.id;
}

// A GP's request (consent to sharing attested at filing) oriented to the EMSP and the HAD.
const orientedToBoth = async () => (await orientedToBothTestRequest(db, world, { now: NOW })).requestId;

const consent = (requestId: string, v: number, structureId: string | "ALL" | "COORDINATION", granted: "yes" | "no", more: Record<string, string> = {}) => ({
  requestId,
  version: v,
  structureId,
  granted,
  method: "ORAL" as const,
  ...more,
});

describe("sharing consent", () => {
  test("a request from the public form cannot be oriented before the patient's consent to sharing with that structure is recorded; then it can", async () => {
    const requestId = await publicRequest();
    const orient = async (structureIds: string[], at: Date) =>
      failure(orientRequest({ db, actor: world.idec, input: { requestId, version: await version(requestId), structureIds }, now: at }));

    const refused = await orient([world.structures.emsp], minutes(2));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.fields.structureIds?.[0]).toMatch(/pas consenti au partage de ses données avec EMSP de Bar-le-Duc/);
    expect(await db.referral.count({ where: { requestId } })).toBe(0);

    await recordSharingConsent({
      db,
      actor: world.idec,
      input: consent(requestId, await version(requestId), world.structures.emsp, "yes", { method: "REPRESENTATIVE", representativeName: "Paul Durand, fils" }),
      now: minutes(3),
    });
    expect(await orient([world.structures.emsp], minutes(4))).toMatchObject({ code: "ok" });
    // The HAD has no consent yet: refused, and nothing half-done.
    const had = await orient([world.structures.had], minutes(5));
    expect(had.fields.structureIds?.[0]).toMatch(/HAD Meuse/);
    expect(await db.referral.count({ where: { requestId } })).toBe(1);

    const rows = await listSharingConsents({ db, actor: world.idec, requestId });
    expect(rows).toEqual([
      expect.objectContaining({
        structureName: "EMSP de Bar-le-Duc",
        granted: true,
        method: "REPRESENTATIVE",
        representativeName: "Paul Durand, fils",
        recordedBy: "Sophie Lambert",
        recordedAt: minutes(3),
      }),
    ]);
    const timeline = await getRequestTimeline({ actor: world.idec, requestId });
    expect(timeline.map((e) => e.text)).toContain("Consentement du patient au partage avec EMSP de Bar-le-Duc enregistré");
  });

  test("the GP's filing attests consent to sharing with every structure solicited, recorded as the GP's", async () => {
    const filed = await fileTestRequest(db, world, {}, NOW);
    expect(await db.sharingConsent.findMany({ where: { requestId: filed.id }, select: { structureId: true, granted: true, recordedById: true } })).toEqual([
      { structureId: null, granted: true, recordedById: world.gp.id },
    ]);
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: minutes(1) });
    await orientRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), structureIds: [world.structures.emsp, world.structures.had] },
      now: minutes(2),
    });
    expect(await db.referral.count({ where: { requestId: filed.id } })).toBe(2);
  });

  test("a withdrawal stops the sharing: the team loses the request, its referral and the conversation; its orientation is withdrawn; the other team keeps its access; orienting there again is refused with the reason", async () => {
    const requestId = await orientedToBoth();
    const referralOf = (structureId: string) =>
      db.referral.findFirstOrThrow({ where: { requestId, structureId }, select: { id: true, version: true, status: true, sharingWithdrawn: true } });
    const had = await referralOf(world.structures.had);
    await acceptReferral({ db, actor: world.had, input: { referralId: had.id, version: had.version }, now: minutes(3) });
    await postMessage({ db, actor: world.gp, input: { requestId, body: "Merci de passer demain." }, now: minutes(4) });
    expect((await getTeamReferral({ db, actor: world.had, referralId: had.id })).id).toBe(had.id);
    await db.notification.deleteMany();

    const withdrawn = await recordSharingConsent({
      db,
      actor: world.idec,
      input: consent(requestId, await version(requestId), world.structures.had, "no", { method: "WRITTEN", note: "Ne souhaite plus l'HAD." }),
      now: minutes(10),
    });
    expect(withdrawn.withdrawnReferralIds).toEqual([had.id]);
    expect(await referralOf(world.structures.had)).toMatchObject({ status: "CANCELLED", sharingWithdrawn: true });
    expect(await referralOf(world.structures.emsp)).toMatchObject({ status: "PROPOSED", sharingWithdrawn: false });

    // The HAD's team: no referral, no request, no conversation, nothing in its inbox.
    expect((await failure(getTeamReferral({ db, actor: world.had, referralId: had.id }))).code).toBe("NOT_FOUND");
    expect((await failure(getConversation({ db, actor: world.had, requestId }))).code).toBe("NOT_FOUND");
    expect((await failure(getRequestTimeline({ actor: world.had, requestId }))).code).toBe("NOT_FOUND");
    const inbox = await listTeamInbox({ db, actor: world.had, now: minutes(11) });
    expect(JSON.stringify(inbox)).not.toContain(had.id);
    // Told that the orientation was withdrawn, not why.
    const told = await db.notification.findMany({ where: { userId: world.had.id }, select: { kind: true, title: true } });
    expect(told.map((n) => n.kind)).toEqual(["REFERRAL_CANCELLED"]);
    // Nobody can write to it any more.
    expect(
      (await failure(postMessage({ db, actor: world.gp, input: { requestId, to: world.structures.had, body: "Et demain ?" }, now: minutes(11) }))).fields.to,
    ).toEqual(["Choisissez à qui écrire dans la liste."]);
    // The EMSP keeps its access.
    const emsp = await referralOf(world.structures.emsp);
    expect((await getTeamReferral({ db, actor: world.emsp, referralId: emsp.id })).id).toBe(emsp.id);

    // In the GP's and the coordinator's timelines.
    for (const actor of [world.gp, world.idec]) {
      const timeline = await getRequestTimeline({ actor, requestId });
      expect(timeline.map((e) => e.text)).toContain("Refus du partage avec HAD Meuse enregistré : l'équipe concernée n'a plus accès à la demande");
    }
    const again = await failure(
      orientRequest({ db, actor: world.idec, input: { requestId, version: await version(requestId), structureIds: [world.structures.had] }, now: minutes(12) }),
    );
    expect(again.fields.structureIds?.[0]).toMatch(/HAD Meuse \(partage refusé le 03\/12\/2026\)/);

    // A new consent later: a new orientation, while the old referral stays closed to the team.
    await recordSharingConsent({ db, actor: world.idec, input: consent(requestId, await version(requestId), world.structures.had, "yes"), now: minutes(20) });
    await orientRequest({
      db,
      actor: world.idec,
      input: { requestId, version: await version(requestId), structureIds: [world.structures.had] },
      now: minutes(21),
    });
    expect((await failure(getTeamReferral({ db, actor: world.had, referralId: had.id }))).code).toBe("NOT_FOUND");
    expect(await db.referral.count({ where: { requestId, structureId: world.structures.had, sharingWithdrawn: false } })).toBe(1);
  });

  test("a refusal for all the structures withdraws every team; a representative must be named; a stale form is told so", async () => {
    const requestId = await orientedToBoth();
    const v = await version(requestId);
    const noName = await failure(
      recordSharingConsent({ db, actor: world.idec, input: consent(requestId, v, "ALL", "no", { method: "REPRESENTATIVE" }), now: minutes(3) }),
    );
    expect(noName.code).toBe("ZOD");
    await recordSharingConsent({ db, actor: world.idec, input: consent(requestId, v, "ALL", "no"), now: minutes(4) });
    expect(await db.referral.findMany({ where: { requestId }, select: { status: true, sharingWithdrawn: true } })).toEqual([
      { status: "CANCELLED", sharingWithdrawn: true },
      { status: "CANCELLED", sharingWithdrawn: true },
    ]);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, needsReorientation: true } })).toMatchObject({
      needsReorientation: true,
    });
    expect((await failure(recordSharingConsent({ db, actor: world.idec, input: consent(requestId, v, "ALL", "yes"), now: minutes(5) }))).code).toBe("CONFLICT");
  });

  test("a withdrawal of the consent to the coordination stops every sharing and every orientation until the patient consents again, in the timeline of the GP", async () => {
    const requestId = await orientedToBoth();
    const withdrawn = await recordSharingConsent({
      db,
      actor: world.idec,
      input: consent(requestId, await version(requestId), "COORDINATION", "no", { method: "WRITTEN" }),
      now: minutes(3),
    });
    expect(withdrawn).toMatchObject({ purpose: "COORDINATION", granted: false });
    expect(withdrawn.withdrawnReferralIds).toHaveLength(2);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { consentCoordination: true } })).toEqual({ consentCoordination: false });
    expect(await db.referral.findMany({ where: { requestId }, select: { status: true, sharingWithdrawn: true } })).toEqual([
      { status: "CANCELLED", sharingWithdrawn: true },
      { status: "CANCELLED", sharingWithdrawn: true },
    ]);
    expect(await listTeamInbox({ db, actor: world.emsp })).toEqual(expect.not.arrayContaining([expect.objectContaining({ requestId })]));
    // The sharing consent given at filing no longer suffices: the coordination itself is withdrawn.
    const orient = (v: number, at: Date) =>
      orientRequest({ db, actor: world.idec, input: { requestId, version: v, structureIds: [world.structures.emsp] }, now: at });
    expect(await failure(orient(await version(requestId), minutes(4)))).toMatchObject({
      code: "INVALID_INPUT",
      message: "Orientation impossible : le patient a retiré son consentement à la coordination.",
      fields: { structureIds: [expect.stringContaining("ne consent plus à la coordination")] },
    });
    const rows = await listSharingConsents({ db, actor: world.idec, requestId });
    expect(rows[0]).toMatchObject({ purpose: "COORDINATION", structureId: null, granted: false, method: "WRITTEN", recordedBy: world.idec.name });
    const gpTimeline = await getRequestTimeline({ actor: world.gp, requestId });
    expect(gpTimeline.map((e) => e.text)).toContain(
      "Retrait du consentement à la coordination enregistré : les équipes sollicitées n'ont plus accès à la demande",
    );

    // She changes her mind: the coordination resumes, and sharing with the EMSP is asked anew.
    await recordSharingConsent({ db, actor: world.idec, input: consent(requestId, await version(requestId), "COORDINATION", "yes"), now: minutes(5) });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { consentCoordination: true } })).toEqual({ consentCoordination: true });
    expect((await failure(orient(await version(requestId), minutes(6)))).message).toBe("Orientation impossible : consentement au partage manquant.");
    await recordSharingConsent({ db, actor: world.idec, input: consent(requestId, await version(requestId), world.structures.emsp, "yes"), now: minutes(7) });
    await orient(await version(requestId), minutes(8));
    expect(await db.referral.count({ where: { requestId, status: "PROPOSED" } })).toBe(1);
  });

  test("only the coordination of the request's territory records consent; nobody else reads the records", async () => {
    const requestId = await publicRequest();
    const input = consent(requestId, await version(requestId), world.structures.emsp, "yes");
    for (const actor of [world.gp, world.emsp, world.ars, world.admin]) {
      expect((await failure(recordSharingConsent({ db, actor, input, now: minutes(2) }))).code, actor.email).toBe("FORBIDDEN");
      expect((await failure(listSharingConsents({ db, actor, requestId }))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await failure(recordSharingConsent({ db, actor: world.pacaIdec, input, now: minutes(2) }))).code).toBe("NOT_FOUND");
    expect((await failure(listSharingConsents({ db, actor: world.pacaIdec, requestId }))).code).toBe("NOT_FOUND");
    // A structure of another territory, not covering the commune: refused at the field.
    const far = await failure(
      recordSharingConsent({ db, actor: world.idec, input: consent(requestId, await version(requestId), world.structures.resp13, "yes"), now: minutes(3) }),
    );
    expect(far.fields.structureId).toEqual(["Choisissez une structure de la liste."]);
    expect(await db.sharingConsent.count()).toBe(0);
  });
});
