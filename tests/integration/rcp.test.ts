// The supportive-care RCP (issue 14): the coordination schedules it, puts a request on its agenda
// with the question, records the discussion and the decisions; the synthesis sheet (a PDF) reaches
// the GP's timeline and the teams in charge (told in neutral words: the e-mail carries no clinical
// content); each decision is a task of its responsible until done. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { scheduleRcp } from "@/lib/rcp/schedule-rcp";
import { addRcpCase } from "@/lib/rcp/add-rcp-case";
import { recordRcpCase } from "@/lib/rcp/record-rcp-case";
import { completeRcpDecision } from "@/lib/rcp/complete-rcp-decision";
import { getRcpSheet, listOpenRcpDecisions } from "@/lib/rcp/queries";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { recordSharingConsent } from "@/lib/requests/record-sharing-consent";
import { renderSynthesisPdf } from "@/components/rcp/synthesis-pdf";
import { orientedToBothTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";
import { failure } from "./helpers/failure";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

// Monday 30 November 2026 in Paris: the request is filed; the RCP meets on Thursday 3 at 14:00.
const FILED = new Date("2026-11-30T09:00:00Z");
const BEFORE = new Date("2026-12-01T09:00:00Z");
const AFTER = new Date("2026-12-03T15:00:00Z");

async function meetingWithCase() {
  const { requestId } = await orientedToBothTestRequest(db, world, { now: FILED, accepted: ["emsp"] });
  const territoryId = world.territories["meuse-sud"]!;
  const meeting = await scheduleRcp({
    db,
    actor: world.idec,
    input: { territoryId, day: "2026-12-03", time: "14:00", place: "CH de Bar-le-Duc, salle 2", structureIds: [world.structures.emsp, world.structures.had] },
    now: BEFORE,
  });
  const rcpCase = await addRcpCase({
    db,
    actor: world.idec,
    input: { meetingId: meeting.id, requestId, question: "Relais HAD ou maintien EMSP ?" },
    now: BEFORE,
  });
  return { requestId, meetingId: meeting.id, caseId: rcpCase.id };
}

const record = (caseId: string, more: Record<string, string> = {}) => ({
  caseId,
  participants: "Dr Royer (EMSP), Mme Lambert (IDEC), Dr Martin (médecin traitant)",
  summary: "Douleur contrôlée ; épuisement de l'aidant.",
  nextReviewOn: "2026-12-17",
  action1: "Visite à domicile pour réévaluer la douleur",
  who1: world.structures.emsp,
  due1: "2026-12-08",
  action2: "Proposer un relais de répit à l'aidant",
  who2: "COORDINATION",
  due2: "2026-12-10",
  ...more,
});

describe("RCP soins de support", () => {
  test("scheduled, discussed, its synthesis sheet in the GP's timeline and the teams told; the decisions are tasks of their responsible", async () => {
    const { requestId, caseId } = await meetingWithCase();
    expect((await failure(recordRcpCase({ db, actor: world.idec, input: record(caseId), now: BEFORE }))).code).toBe("INVALID_INPUT"); // not held yet
    expect(await failure(recordRcpCase({ db, actor: world.idec, input: record(caseId, { who1: "" }), now: AFTER }))).toEqual({
      code: "ZOD",
      fields: { who1: ["Décision 1 : indiquez qui s'en charge."] },
    });
    const recorded = await recordRcpCase({ db, actor: world.idec, input: record(caseId), now: AFTER });
    expect(recorded).toEqual({ id: caseId, requestId, decisions: 2 });
    expect((await failure(recordRcpCase({ db, actor: world.idec, input: record(caseId), now: AFTER }))).code).toBe("CONFLICT");

    // The GP: his timeline has the sheet, he was told in words that say nothing clinical.
    const entry = (await getRequestTimeline({ actor: world.gp, requestId })).find((e) => e.text.startsWith("Discutée en RCP"));
    expect(entry).toMatchObject({
      text: "Discutée en RCP soins de support : 2 décisions",
      link: { href: `/rcp/fiches/${caseId}`, label: "Fiche de synthèse de la RCP (PDF)" },
    });
    const told = await db.notification.findMany({ where: { kind: "RCP_SYNTHESIS" }, select: { userId: true, title: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.gp.id, world.emsp.id].sort());
    const mails = await db.outboxMessage.findMany({ where: { kind: "RCP_SYNTHESIS" }, select: { subject: true, body: true } });
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(`${mail.subject}\n${mail.body}`).not.toMatch(/douleur|aidant|durand|jeanne|relais/i);

    // The sheet: identity, question, participants, decisions; reading it is an access event.
    const sheet = await getRcpSheet({ db, actor: world.gp, caseId });
    expect(sheet).toMatchObject({ question: "Relais HAD ou maintien EMSP ?", identity: { name: "DURAND Jeanne" } });
    expect(sheet.decisions.map((d) => [d.action, d.responsibleStructure?.name ?? "Coordination"])).toEqual([
      ["Visite à domicile pour réévaluer la douleur", "EMSP de Bar-le-Duc"],
      ["Proposer un relais de répit à l'aidant", "Coordination"],
    ]);
    expect(await db.event.count({ where: { subjectId: requestId, type: "request.viewed", actorId: world.gp.id } })).toBeGreaterThan(0);
    const pdf = await renderSynthesisPdf(sheet, AFTER);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // The tasks: the EMSP's on its page, the coordination's on hers; done once.
    const emspTasks = await listOpenRcpDecisions({ db, actor: world.emsp });
    expect(emspTasks.map((t) => t.action)).toEqual(["Visite à domicile pour réévaluer la douleur"]);
    expect(emspTasks[0]!.href).toMatch(/^\/equipe\/orientations\//);
    expect((await listOpenRcpDecisions({ db, actor: world.idec })).map((t) => t.action)).toEqual(["Proposer un relais de répit à l'aidant"]);
    expect(await listOpenRcpDecisions({ db, actor: world.had })).toEqual([]);
    expect((await failure(completeRcpDecision({ db, actor: world.had, input: { decisionId: emspTasks[0]!.id } }))).code).toBe("NOT_FOUND");
    await completeRcpDecision({ db, actor: world.emsp, input: { decisionId: emspTasks[0]!.id }, now: AFTER });
    expect(await listOpenRcpDecisions({ db, actor: world.emsp })).toEqual([]);
    expect((await getRequestTimeline({ actor: world.idec, requestId })).map((e) => e.text)).toContain("Décision de RCP réalisée");
  });

  test("two coordinators recording the same case at once: one wins, the other is told; one set of decisions, one notice each", async () => {
    const { caseId } = await meetingWithCase();
    const results = await Promise.allSettled([
      recordRcpCase({ db, actor: world.idec, input: record(caseId), now: AFTER }),
      recordRcpCase({ db, actor: world.otherIdec, input: record(caseId), now: AFTER }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe("CONFLICT");
    expect(await db.rcpDecision.count({ where: { caseId } })).toBe(2);
    expect(await db.notification.count({ where: { kind: "RCP_SYNTHESIS", userId: world.gp.id } })).toBe(1);
  });

  test("mistakes are said at their field; only the request's readers read the sheet; another territory's coordinator cannot schedule there", async () => {
    const territoryId = world.territories["meuse-sud"]!;
    const schedule = (actor: typeof world.idec, more: Record<string, unknown>) =>
      failure(scheduleRcp({ db, actor, input: { territoryId, day: "2026-12-03", time: "14:00", place: "Salle 2", ...more } as never, now: BEFORE }));
    expect(await schedule(world.idec, { place: "" })).toEqual({ code: "ZOD", fields: { place: ["Indiquez le lieu ou le lien de visioconférence."] } });
    expect(await schedule(world.idec, { day: "2026-11-20" })).toEqual({ code: "INVALID_INPUT", fields: { day: ["Date : aujourd'hui ou plus tard."] } });
    expect(await schedule(world.idec, { videoUrl: "http://visio.example/abc" })).toMatchObject({
      code: "ZOD",
      fields: { videoUrl: [expect.stringContaining("https://")] },
    });
    expect(await schedule(world.pacaIdec, {})).toMatchObject({ code: "FORBIDDEN", fields: { territoryId: ["Choisissez un de vos territoires."] } });
    expect(await schedule(world.gp, {})).toMatchObject({ code: "FORBIDDEN" });

    const { requestId, meetingId, caseId } = await meetingWithCase();
    expect(await failure(addRcpCase({ db, actor: world.idec, input: { meetingId, requestId, question: "Encore ?" }, now: BEFORE }))).toEqual({
      code: "INVALID_INPUT",
      fields: { requestId: ["Cette demande est déjà à l'ordre du jour de cette RCP."] },
    });
    expect(await failure(addRcpCase({ db, actor: world.idec, input: { meetingId, requestId, question: "" }, now: BEFORE }))).toEqual({
      code: "ZOD",
      fields: { question: ["Indiquez la question posée à la RCP."] },
    });
    // A decision for a structure the request is not shared with: it could never read it.
    expect(await failure(recordRcpCase({ db, actor: world.idec, input: record(caseId, { who2: world.structures.ssiadVerdun }), now: AFTER }))).toEqual({
      code: "INVALID_INPUT",
      fields: { who2: ["Cette structure n'a pas accès à la demande : orientez d'abord vers elle, ou confiez l'action à la coordination."] },
    });
    await recordRcpCase({ db, actor: world.idec, input: record(caseId), now: AFTER });
    expect((await failure(getRcpSheet({ db, actor: world.ars, caseId }))).code).toBe("FORBIDDEN");
    expect((await failure(getRcpSheet({ db, actor: world.otherGp, caseId }))).code).toBe("NOT_FOUND");
    expect((await getRcpSheet({ db, actor: world.had, caseId })).id).toBe(caseId); // proposed to the HAD: shared with it
    // The patient withdraws sharing with the EMSP: its task is no longer its own to see or to close.
    const decision = await db.rcpDecision.findFirstOrThrow({ where: { caseId, responsibleStructureId: world.structures.emsp }, select: { id: true } });
    const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
    await recordSharingConsent({
      db,
      actor: world.idec,
      input: { requestId, version, structureId: world.structures.emsp, granted: "no", method: "ORAL" },
      now: AFTER,
    });
    expect(await listOpenRcpDecisions({ db, actor: world.emsp })).toEqual([]);
    expect((await failure(completeRcpDecision({ db, actor: world.emsp, input: { decisionId: decision.id }, now: AFTER }))).code).toBe("NOT_FOUND");
  });
});
