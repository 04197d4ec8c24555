import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { addDays, parisIsoDay, parisTime } from "@/lib/time";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";
import { addReferralNote } from "@/lib/referrals/add-referral-note";
import { completeReferral } from "@/lib/referrals/complete-referral";
import { syncRequestStatus } from "@/lib/requests/sync-request-status";
import { getTeamReferral, listTeamInbox } from "@/lib/referrals/team-queries";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

type Team = "emsp" | "had";

// A request filed by the GP, claimed by the Meuse coordinator and oriented to the given teams.
async function orientedRequest(teams: Team[] = ["emsp"], options: { note?: string; urgency?: "CRISIS" | "PLANNED"; now?: Date } = {}) {
  const filed = await fileTestRequest(db, world, options.urgency ? { urgency: options.urgency } : {}, options.now);
  await claimRequest({ db, actor: world.idec, requestId: filed.id, now: options.now });
  const { version } = await db.request.findUniqueOrThrow({ where: { id: filed.id }, select: { version: true } });
  const { referralIds } = await orientRequest({
    db,
    actor: world.idec,
    input: { requestId: filed.id, version, structureIds: teams.map((t) => world.structures[t]), note: options.note },
    now: options.now,
  });
  const referral = async (team: Team) => db.referral.findFirstOrThrow({ where: { requestId: filed.id, structureId: world.structures[team] } });
  return { requestId: filed.id, number: filed.number, referralIds, referral };
}

async function refOf(referralId: string) {
  const { version } = await db.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } });
  return { referralId, version };
}

const request = (id: string) => db.request.findUniqueOrThrow({ where: { id } });
const referralRow = (id: string) => db.referral.findUniqueOrThrow({ where: { id } });
const eventTypes = async (requestId: string) =>
  (await db.event.findMany({ where: { subjectId: requestId, type: { not: "request.viewed" } }, orderBy: { id: "asc" } })).map((e) => e.type);
const lastEvents = async (requestId: string, n: number) =>
  (await db.event.findMany({ where: { subjectId: requestId }, orderBy: { id: "desc" }, take: n })).reverse();

async function accepted(team: Team = "emsp", teams: Team[] = [team]) {
  const oriented = await orientedRequest(teams);
  const referral = await oriented.referral(team);
  await acceptReferral({ db, actor: world[team], input: await refOf(referral.id) });
  return { ...oriented, referralId: referral.id };
}

async function inProgress(team: Team = "emsp") {
  const a = await accepted(team);
  await recordFirstContact({ db, actor: world[team], input: { ...(await refOf(a.referralId)), contactDate: parisIsoDay() } });
  return a;
}

describe("acceptReferral", () => {
  test("the team accepts: the referral is accepted and the request goes into care, both as events by the team member", async () => {
    const { requestId, referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    const before = await request(requestId);
    const now = new Date("2026-11-27T10:00:00Z");
    const result = await acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 }, now });

    expect(result).toMatchObject({ from: "ORIENTED", to: "IN_CARE", changed: true });
    expect(await referralRow(id)).toMatchObject({ status: "ACCEPTED", respondedAt: now, version: 1 });
    expect(await request(requestId)).toMatchObject({ status: "IN_CARE", needsReorientation: false, version: before.version + 1 });
    const events = await lastEvents(requestId, 2);
    expect(events).toEqual([
      expect.objectContaining({ type: "referral.accepted", actorId: world.emsp.id, at: now, data: { referralId: id, structureId: world.structures.emsp } }),
      expect.objectContaining({ type: "request.status_derived", actorId: world.emsp.id, at: now, data: { from: "ORIENTED", to: "IN_CARE", referralId: id } }),
    ]);
  });

  test("a second team accepting a request already in care changes the referral only", async () => {
    const { requestId, referral } = await orientedRequest(["emsp", "had"]);
    await acceptReferral({ db, actor: world.emsp, input: await refOf((await referral("emsp")).id) });
    const version = (await request(requestId)).version;
    const result = await acceptReferral({ db, actor: world.had, input: await refOf((await referral("had")).id) });
    expect(result.changed).toBe(false);
    expect(await request(requestId)).toMatchObject({ status: "IN_CARE", version });
    expect((await eventTypes(requestId)).filter((t) => t === "request.status_derived")).toHaveLength(1);
  });

  test("GPs and coordinators may not answer for a team; nothing changes", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    for (const actor of [world.gp, world.idec, world.ars, world.admin]) {
      await expect(acceptReferral({ db, actor, input: { referralId: id, version: 0 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await referralRow(id)).toMatchObject({ status: "PROPOSED", version: 0 });
    expect((await request(requestId)).status).toBe("ORIENTED");
  });

  test("a member of another structure cannot even see the referral", async () => {
    const { referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    await expect(acceptReferral({ db, actor: world.had, input: { referralId: id, version: 0 } })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Orientation introuvable.",
    });
    const stranger: Actor = { ...world.emsp, id: world.had.id, structureIds: [] };
    await expect(acceptReferral({ db, actor: stranger, input: { referralId: id, version: 0 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await referralRow(id)).status).toBe("PROPOSED");
  });

  test("an already accepted referral cannot be accepted again", async () => {
    const { referralId } = await accepted();
    await expect(acceptReferral({ db, actor: world.emsp, input: await refOf(referralId) })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      // (transitions.ts may still write "de accepter": either elision is accepted here.)
      message: expect.stringMatching(/^Impossible d(e |')accepter l'orientation : l'orientation est acceptée\.$/),
    });
  });

  test("a stale version is a conflict, never a silent overwrite", async () => {
    const { referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await db.referral.update({ where: { id }, data: { version: 3 } });
    await expect(acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 2 } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/modifiée par quelqu'un d'autre/),
    });
    expect(await referralRow(id)).toMatchObject({ status: "PROPOSED", version: 3 });
  });

  test("the same referral accepted twice at once: one wins, the other gets a clear message", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    const results = await Promise.allSettled([0, 1].map(() => acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: expect.stringMatching(/^(CONFLICT|INVALID_TRANSITION)$/),
    });
    expect((await eventTypes(requestId)).filter((t) => t === "referral.accepted")).toHaveLength(1);
  });

  test("a request the coordinator closed or cancelled cannot be accepted any more", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await db.request.update({ where: { id: requestId }, data: { status: "CANCELLED" } });
    await expect(acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Impossible d'accepter l'orientation : la demande est annulée.",
    });
  });
});

describe("declineReferral", () => {
  test("the only referral declined: the request is back in the coordinator's queue, flagged for re-orientation", async () => {
    const { requestId, referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    const result = await declineReferral({ db, actor: world.emsp, input: { referralId: id, version: 0, reason: "FULL" } });
    expect(result).toMatchObject({ from: "ORIENTED", to: "TRIAGE", needsReorientation: true });
    expect(await referralRow(id)).toMatchObject({ status: "DECLINED", declineReason: "FULL", declineDetails: null, respondedAt: expect.any(Date) });
    expect(await request(requestId)).toMatchObject({ status: "TRIAGE", needsReorientation: true, ownerId: world.idec.id });
    expect((await lastEvents(requestId, 2)).map((e) => [e.type, e.data])).toEqual([
      ["referral.declined", { referralId: id, structureId: world.structures.emsp, reason: "FULL", noteId: null }],
      ["request.status_derived", { from: "ORIENTED", to: "TRIAGE", referralId: id }],
    ]);
  });

  test("one of two referrals declined: the request stays oriented, waiting for the other team", async () => {
    const { requestId, referral } = await orientedRequest(["emsp", "had"]);
    const { id } = await referral("had");
    const version = (await request(requestId)).version;
    await declineReferral({ db, actor: world.had, input: { referralId: id, version: 0, reason: "OUTSIDE_AREA" } });
    expect(await request(requestId)).toMatchObject({ status: "ORIENTED", needsReorientation: false, version });
    expect(await eventTypes(requestId)).not.toContain("request.status_derived");
  });

  test("declined after the other team accepted: the request stays in care", async () => {
    const { requestId, referral } = await orientedRequest(["emsp", "had"]);
    await acceptReferral({ db, actor: world.emsp, input: await refOf((await referral("emsp")).id) });
    await declineReferral({ db, actor: world.had, input: { ...(await refOf((await referral("had")).id)), reason: "NOT_OUR_SERVICE" } });
    expect(await request(requestId)).toMatchObject({ status: "IN_CARE", needsReorientation: false });
  });

  test("both teams declining at the same moment still send the request back to the coordinator", async () => {
    const { requestId, referral } = await orientedRequest(["emsp", "had"]);
    const [emsp, had] = [await referral("emsp"), await referral("had")];
    await Promise.all([
      declineReferral({ db, actor: world.emsp, input: { referralId: emsp.id, version: 0, reason: "FULL" } }),
      declineReferral({ db, actor: world.had, input: { referralId: had.id, version: 0, reason: "FULL" } }),
    ]);
    expect(await request(requestId)).toMatchObject({ status: "TRIAGE", needsReorientation: true });
    expect((await eventTypes(requestId)).filter((t) => t === "request.status_derived")).toHaveLength(1);
  });

  test("details go into a note referenced by the event, never into the event itself", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await declineReferral({
      db,
      actor: world.emsp,
      input: { referralId: id, version: 0, reason: "OTHER", details: "Patiente déjà suivie par l'équipe de Verdun." },
    });
    const note = await db.requestNote.findFirstOrThrow({ where: { referralId: id } });
    expect(note).toMatchObject({ requestId, kind: "INTERVENTION", authorId: world.emsp.id, body: "Patiente déjà suivie par l'équipe de Verdun." });
    const event = await db.event.findFirstOrThrow({ where: { subjectId: requestId, type: "referral.declined" } });
    expect(event.data).toEqual({ referralId: id, structureId: world.structures.emsp, reason: "OTHER", noteId: note.id });
    expect(JSON.stringify(event.data)).not.toMatch(/Verdun/);
    expect((await referralRow(id)).declineDetails).toBe("Patiente déjà suivie par l'équipe de Verdun.");
  });

  test("the schema refuses a decline without a reason, and 'other' without details, at the field", async () => {
    const { referral } = await orientedRequest();
    const { id } = await referral("emsp");
    const noReason = declineReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } as never });
    await expect(noReason).rejects.toBeInstanceOf(ZodError);
    await expect(noReason).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["reason"], message: "Indiquez le motif du refus." })] });
    await expect(declineReferral({ db, actor: world.emsp, input: { referralId: id, version: 0, reason: "OTHER", details: "  " } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["details"], message: "Précisez le motif du refus." })],
    });
    expect((await referralRow(id)).status).toBe("PROPOSED");
  });

  test("GPs and coordinators may not decline; another team does not see it; an accepted referral cannot be declined", async () => {
    const { referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    await expect(declineReferral({ db, actor: world.gp, input: { referralId: id, version: 0, reason: "FULL" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(declineReferral({ db, actor: world.idec, input: { referralId: id, version: 0, reason: "FULL" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(declineReferral({ db, actor: world.had, input: { referralId: id, version: 0, reason: "FULL" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } });
    await expect(declineReferral({ db, actor: world.emsp, input: { referralId: id, version: 1, reason: "FULL" } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  test("a stale version is a conflict", async () => {
    const { referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await db.referral.update({ where: { id }, data: { version: 1 } });
    await expect(declineReferral({ db, actor: world.emsp, input: { referralId: id, version: 0, reason: "FULL" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("recordFirstContact", () => {
  test("the referral is under way and the request's first contact is set, as an event", async () => {
    const now = parisTime(2026, 11, 27, 16, 0);
    const oriented = await orientedRequest(["emsp"], { now: parisTime(2026, 11, 25, 9, 0) });
    const { id } = await oriented.referral("emsp");
    await acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 }, now: parisTime(2026, 11, 25, 10, 0) });
    const version = (await request(oriented.requestId)).version;
    const result = await recordFirstContact({ db, actor: world.emsp, input: { referralId: id, version: 1, contactDate: "2026-11-26" }, now });

    expect(result).toMatchObject({ to: "IN_CARE", changed: false });
    const contact = new Date("2026-11-26T12:00:00Z");
    expect(await referralRow(id)).toMatchObject({ status: "IN_PROGRESS", firstContactAt: contact, version: 2 });
    expect(await request(oriented.requestId)).toMatchObject({ status: "IN_CARE", firstContactAt: contact, version: version + 1 });
    expect((await lastEvents(oriented.requestId, 1))[0]).toMatchObject({
      type: "referral.first_contact",
      actorId: world.emsp.id,
      data: { referralId: id, structureId: world.structures.emsp, contactDate: contact.toISOString() },
    });
    const timeline = await getRequestTimeline({ actor: world.gp, requestId: oriented.requestId });
    expect(timeline.map((e) => e.text)).toContain("EMSP de Bar-le-Duc : premier contact le 26/11/2026");
  });

  test("the request keeps the earliest first contact any team recorded", async () => {
    const now = parisTime(2026, 11, 27, 16, 0);
    const oriented = await orientedRequest(["emsp", "had"], { now: parisTime(2026, 11, 20, 9, 0) });
    const [emsp, had] = [await oriented.referral("emsp"), await oriented.referral("had")];
    await acceptReferral({ db, actor: world.emsp, input: { referralId: emsp.id, version: 0 }, now });
    await acceptReferral({ db, actor: world.had, input: { referralId: had.id, version: 0 }, now });
    await recordFirstContact({ db, actor: world.emsp, input: { referralId: emsp.id, version: 1, contactDate: "2026-11-24" }, now });
    await recordFirstContact({ db, actor: world.had, input: { referralId: had.id, version: 1, contactDate: "2026-11-26" }, now });
    expect((await request(oriented.requestId)).firstContactAt).toEqual(new Date("2026-11-24T12:00:00Z"));
    // A team recording an earlier contact afterwards moves it back.
    const third = await orientedRequest(["emsp", "had"], { now: parisTime(2026, 11, 20, 9, 0) });
    const [e3, h3] = [await third.referral("emsp"), await third.referral("had")];
    await acceptReferral({ db, actor: world.emsp, input: { referralId: e3.id, version: 0 }, now });
    await acceptReferral({ db, actor: world.had, input: { referralId: h3.id, version: 0 }, now });
    await recordFirstContact({ db, actor: world.emsp, input: { referralId: e3.id, version: 1, contactDate: "2026-11-26" }, now });
    await recordFirstContact({ db, actor: world.had, input: { referralId: h3.id, version: 1, contactDate: "2026-11-21" }, now });
    expect((await request(third.requestId)).firstContactAt).toEqual(new Date("2026-11-21T12:00:00Z"));
  });

  test("a date in the future is refused at the field", async () => {
    const { referralId } = await accepted();
    const tomorrow = addDays(parisIsoDay(), 1);
    await expect(recordFirstContact({ db, actor: world.emsp, input: { referralId, version: 1, contactDate: tomorrow } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { contactDate: ["La date du premier contact ne peut pas être dans le futur."] },
    });
    await expect(recordFirstContact({ db, actor: world.emsp, input: { referralId, version: 1, contactDate: "27/11/2026" } })).rejects.toBeInstanceOf(ZodError);
    expect((await referralRow(referralId)).status).toBe("ACCEPTED");
  });

  test("only after accepting, only by the team, only on the current version", async () => {
    const { referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    const today = parisIsoDay();
    await expect(recordFirstContact({ db, actor: world.emsp, input: { referralId: id, version: 0, contactDate: today } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } });
    await expect(recordFirstContact({ db, actor: world.gp, input: { referralId: id, version: 1, contactDate: today } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordFirstContact({ db, actor: world.idec, input: { referralId: id, version: 1, contactDate: today } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordFirstContact({ db, actor: world.had, input: { referralId: id, version: 1, contactDate: today } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(recordFirstContact({ db, actor: world.emsp, input: { referralId: id, version: 0, contactDate: today } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("addReferralNote", () => {
  test("an intervention note for the coordination, a feedback the GP reads in the timeline", async () => {
    const { requestId, referralId } = await accepted();
    await addReferralNote({
      db,
      actor: world.emsp,
      input: { referralId, version: 1, kind: "INTERVENTION", body: "Visite à domicile, titration de la morphine." },
    });
    await addReferralNote({
      db,
      actor: world.emsp,
      input: { referralId, version: 2, kind: "FEEDBACK", body: "Douleur contrôlée, nouvelle visite dans 8 jours." },
    });

    expect(await db.requestNote.findMany({ where: { referralId }, orderBy: { createdAt: "asc" }, select: { kind: true, authorId: true } })).toEqual([
      { kind: "INTERVENTION", authorId: world.emsp.id },
      { kind: "FEEDBACK", authorId: world.emsp.id },
    ]);
    const events = await db.event.findMany({ where: { subjectId: requestId, type: "referral.note_added" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.data as { kind: string }).kind)).toEqual(["INTERVENTION", "FEEDBACK"]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/morphine|Douleur/);

    const gp = await getRequestTimeline({ actor: world.gp, requestId });
    expect(gp.filter((e) => e.note).map((e) => e.note!.body)).toEqual(["Douleur contrôlée, nouvelle visite dans 8 jours."]);
    const idec = await getRequestTimeline({ actor: world.idec, requestId });
    expect(idec.filter((e) => e.note?.kind === "INTERVENTION").map((e) => e.text)).toEqual(["EMSP de Bar-le-Duc : note d'intervention"]);
  });

  test("no note before accepting, none empty, none by another team, none on a stale version", async () => {
    const { referral } = await orientedRequest(["emsp"]);
    const { id } = await referral("emsp");
    await expect(addReferralNote({ db, actor: world.emsp, input: { referralId: id, version: 0, kind: "INTERVENTION", body: "x" } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: id, version: 0 } });
    await expect(addReferralNote({ db, actor: world.emsp, input: { referralId: id, version: 1, kind: "FEEDBACK", body: "   " } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["body"], message: "Écrivez la note." })],
    });
    await expect(addReferralNote({ db, actor: world.had, input: { referralId: id, version: 1, kind: "FEEDBACK", body: "x" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(addReferralNote({ db, actor: world.idec, input: { referralId: id, version: 1, kind: "FEEDBACK", body: "x" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(addReferralNote({ db, actor: world.emsp, input: { referralId: id, version: 0, kind: "FEEDBACK", body: "x" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.requestNote.count({ where: { referralId: id } })).toBe(0);
  });
});

describe("completeReferral", () => {
  test("the team ends its intervention with a feedback the GP reads; the request stays in care for the coordinator to close", async () => {
    const { requestId, referralId } = await inProgress();
    const now = new Date();
    const result = await completeReferral({
      db,
      actor: world.emsp,
      input: { referralId, version: 2, feedback: "Prise en charge terminée, relais HAD en place." },
      now,
    });
    expect(result).toMatchObject({ to: "IN_CARE", changed: false });
    expect(await referralRow(referralId)).toMatchObject({ status: "COMPLETED", completedAt: now, version: 3 });
    expect((await request(requestId)).status).toBe("IN_CARE");
    const note = await db.requestNote.findFirstOrThrow({ where: { referralId, kind: "FEEDBACK" } });
    expect((await lastEvents(requestId, 1))[0]).toMatchObject({
      type: "referral.completed",
      data: { referralId, structureId: world.structures.emsp, noteId: note.id },
    });
    const gp = await getRequestTimeline({ actor: world.gp, requestId });
    expect(gp.at(-1)).toMatchObject({
      text: "EMSP de Bar-le-Duc termine son intervention",
      note: { kind: "FEEDBACK", body: "Prise en charge terminée, relais HAD en place." },
    });
  });

  test("the feedback for the GP is required", async () => {
    const { referralId } = await inProgress();
    await expect(completeReferral({ db, actor: world.emsp, input: { referralId, version: 2, feedback: "" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["feedback"], message: "Rédigez un retour pour le médecin." })],
    });
  });

  test("not before the first contact, not by others, not twice, not on a stale version", async () => {
    const { referralId } = await accepted();
    const input = { referralId, version: 1, feedback: "Fin." };
    await expect(completeReferral({ db, actor: world.emsp, input })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Impossible de terminer l'intervention : l'orientation est acceptée.",
    });
    await recordFirstContact({ db, actor: world.emsp, input: { referralId, version: 1, contactDate: parisIsoDay() } });
    await expect(completeReferral({ db, actor: world.gp, input: { ...input, version: 2 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeReferral({ db, actor: world.had, input: { ...input, version: 2 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeReferral({ db, actor: world.emsp, input: { ...input, version: 1 } })).rejects.toMatchObject({ code: "CONFLICT" });
    await completeReferral({ db, actor: world.emsp, input: { ...input, version: 2 } });
    await expect(completeReferral({ db, actor: world.emsp, input: { ...input, version: 3 } })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("syncRequestStatus", () => {
  test("a referral cancelled by the coordinator, the only one: back to triage, flagged", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await db.referral.update({ where: { id }, data: { status: "CANCELLED" } });
    const result = await db.$transaction((tx) => syncRequestStatus(tx, { requestId, referralId: id, actorId: world.idec.id }));
    expect(result).toMatchObject({ from: "ORIENTED", to: "TRIAGE", needsReorientation: true, changed: true });
    expect(await request(requestId)).toMatchObject({ status: "TRIAGE", needsReorientation: true });
  });

  test("a closed request keeps its status whatever its referrals", async () => {
    const { requestId, referral } = await orientedRequest();
    const { id } = await referral("emsp");
    await db.request.update({ where: { id: requestId }, data: { status: "CLOSED" } });
    const { version } = await request(requestId);
    await db.referral.update({ where: { id }, data: { status: "DECLINED" } });
    expect(await db.$transaction((tx) => syncRequestStatus(tx, { requestId, referralId: id, actorId: world.emsp.id }))).toMatchObject({
      to: "CLOSED",
      changed: false,
    });
    expect(await request(requestId)).toMatchObject({ status: "CLOSED", version });
  });
});

describe("team queries", () => {
  test("the inbox lists the team's referrals only: new first (crises on top), then in progress, then done", async () => {
    const planned = await orientedRequest(["emsp", "had"], { urgency: "PLANNED" });
    const crisis = await orientedRequest(["emsp"], { urgency: "CRISIS" });
    const acc = await accepted("emsp");
    const declined = await orientedRequest(["emsp"]);
    await declineReferral({ db, actor: world.emsp, input: { ...(await refOf((await declined.referral("emsp")).id)), reason: "FULL" } });
    await orientedRequest(["had"]);

    const inbox = await listTeamInbox({ actor: world.emsp });
    expect(inbox.new.map((i) => i.request.number)).toEqual([crisis.number, planned.number]);
    expect(inbox.active.map((i) => [i.request.number, i.status])).toEqual([[acc.number, "ACCEPTED"]]);
    expect(inbox.done.map((i) => [i.request.number, i.status])).toEqual([[declined.number, "DECLINED"]]);
    expect(inbox.new[0]).toMatchObject({
      structureName: "EMSP de Bar-le-Duc",
      needs: ["PAIN", "PALLIATIVE_CARE"],
      request: { urgency: "CRISIS", communeName: "Bar-le-Duc", status: "ORIENTED" },
    });
    expect(JSON.stringify(inbox)).not.toMatch(/Durand|Jeanne|1946/);

    const had = await listTeamInbox({ actor: world.had });
    expect(had.new).toHaveLength(2);
    expect(await listTeamInbox({ actor: world.gp })).toEqual({ new: [], active: [], activeCount: 0, activeNext: null, done: [] });
  });

  test("a referral shows the minimum the team needs: an age, not a birth date; the coordinator's message", async () => {
    const { referral } = await orientedRequest(["emsp"], { note: "Appeler la fille de la patiente avant la visite." });
    const { id } = await referral("emsp");
    const view = await getTeamReferral({ actor: world.emsp, referralId: id, now: parisTime(2026, 5, 12, 10, 0) });
    expect(view).toMatchObject({
      status: "PROPOSED",
      version: 0,
      structureName: "EMSP de Bar-le-Duc",
      proposedBy: "Sophie Lambert",
      patient: { birthName: "Durand", firstNames: "Jeanne", age: 80, sex: "FEMALE" },
      coordinatorNote: "Appeler la fille de la patiente avant la visite.",
      request: {
        urgency: "CRISIS",
        placeOfCare: "HOME",
        communeName: "Bar-le-Duc",
        referrer: "Dr Claire Martin",
        details: "Douleurs mal contrôlées malgré morphine orale.",
        coordination: { name: "Meuse Sud (Bar-le-Duc)" },
      },
    });
    expect(view.patient).not.toHaveProperty("birthDate");
    await expect(getTeamReferral({ actor: world.had, referralId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getTeamReferral({ actor: world.gp, referralId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the team's timeline shows its own referral's steps, not another team's", async () => {
    const { requestId, referral } = await orientedRequest(["emsp", "had"]);
    await declineReferral({ db, actor: world.had, input: { ...(await refOf((await referral("had")).id)), reason: "OTHER", details: "Secteur non couvert." } });
    await acceptReferral({ db, actor: world.emsp, input: await refOf((await referral("emsp")).id) });
    const texts = (await getRequestTimeline({ actor: world.emsp, requestId })).map((e) => e.text);
    expect(texts).toContain("EMSP de Bar-le-Duc accepte l'orientation");
    expect(texts.join("\n")).not.toMatch(/HAD Meuse décline/);
  });
});
