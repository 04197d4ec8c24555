// What happens to the patient during care (issue 13, « During care »): a team in charge or the
// coordination reports a hospitalisation, a return home, a move to a nursing home or a death
// without closing anything; it is in the timeline of those who follow the request and the GP,
// the coordinators and the other teams in charge are told at once — in e-mails that say nothing of
// what happened. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { closeRequest } from "@/lib/requests/close-request";
import { reportPatientEvent } from "@/lib/requests/report-patient-event";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { orientedToBothTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? (e instanceof ZodError ? "ZOD" : String(e)),
  );

// A request of Meuse Sud oriented to the EMSP and the HAD; the HAD accepted, the EMSP not yet.
async function inCare() {
  const { requestId, referrals } = await orientedToBothTestRequest(db, world, { now: new Date(NOW.getTime() - 5 * 86_400_000), accepted: ["had"] });
  const version = async () => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
  return { requestId, ...referrals, version };
}

describe("reportPatientEvent", () => {
  test("a team in charge reports a hospitalisation: in everyone's timeline, and the GP, the coordinators and the other team in charge are told at once, in neutral words", async () => {
    const care = await inCare();
    // The EMSP accepts too: a second team in charge, to be told.
    const emsp = await db.referral.findUniqueOrThrow({ where: { id: care.emsp }, select: { version: true } });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: care.emsp, version: emsp.version } });
    // The GP wants a daily digest: an event of the patient's course is sent at once all the same.
    await db.notificationPreference.create({ data: { userId: world.gp.id, kind: "PATIENT_EVENT", mode: "DIGEST" } });
    await db.notification.deleteMany();
    await db.outboxMessage.deleteMany();

    const reported = await reportPatientEvent({
      db,
      actor: world.had,
      input: { referralId: care.had, kind: "HOSPITALISED", day: "2026-12-02", place: "CH de Verdun, cardiologie" },
      now: NOW,
    });
    expect(reported).toMatchObject({ requestId: care.requestId, kind: "HOSPITALISED", day: "2026-12-02" });
    expect(await db.patientEvent.findUniqueOrThrow({ where: { id: reported.id } })).toMatchObject({
      kind: "HOSPITALISED",
      place: "CH de Verdun, cardiologie",
      reportedById: world.had.id,
      structureId: world.structures.had,
    });

    const text = "Hospitalisation depuis le 02/12/2026 (CH de Verdun, cardiologie)";
    for (const actor of [world.gp, world.idec, world.emsp, world.had]) {
      const timeline = await getRequestTimeline({ actor, requestId: care.requestId });
      expect(timeline.find((e) => e.patientEvent === "HOSPITALISED")?.text, actor.email).toBe(text);
    }

    const told = await db.notification.findMany({ where: { kind: "PATIENT_EVENT" }, select: { userId: true, title: true, digestPending: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.gp.id, world.idec.id, world.otherIdec.id, world.emsp.id].sort());
    expect(told.every((n) => !n.digestPending && !/hospital|verdun|durand/i.test(n.title))).toBe(true);
    const mails = await db.outboxMessage.findMany({ where: { kind: "PATIENT_EVENT" }, select: { recipient: true, subject: true, body: true } });
    expect(mails.map((m) => m.recipient)).toContain("gp@test.fr");
    for (const mail of mails) expect(`${mail.subject}\n${mail.body}`).not.toMatch(/hospital|verdun|cardio|durand|jeanne/i);
  });

  test("only the coordination and the teams that accepted may report; each mistake says why", async () => {
    const care = await inCare();
    const input = { referralId: care.emsp, kind: "BACK_HOME" as const, day: "2026-12-02" };
    expect(await code(reportPatientEvent({ db, actor: world.emsp, input, now: NOW }))).toBe("INVALID_TRANSITION"); // proposed, not accepted
    expect(await code(reportPatientEvent({ db, actor: world.had, input, now: NOW }))).toBe("NOT_FOUND"); // another team's referral
    for (const actor of [world.gp, world.ars, world.admin]) expect(await code(reportPatientEvent({ db, actor, input, now: NOW }))).toBe("FORBIDDEN");
    expect(
      await code(reportPatientEvent({ db, actor: world.pacaIdec, input: { requestId: care.requestId, kind: "BACK_HOME", day: "2026-12-02" }, now: NOW })),
    ).toBe("NOT_FOUND");
    // A day to come, a hospitalisation with no place.
    expect(
      await code(reportPatientEvent({ db, actor: world.idec, input: { requestId: care.requestId, kind: "BACK_HOME", day: "2026-12-04" }, now: NOW })),
    ).toBe("INVALID_INPUT");
    expect(
      await code(reportPatientEvent({ db, actor: world.idec, input: { requestId: care.requestId, kind: "HOSPITALISED", day: "2026-12-02" }, now: NOW })),
    ).toBe("ZOD");
    expect(await db.patientEvent.count()).toBe(0);
  });

  test("a death reported by the coordination is closed with its outcome; a closed request takes no more events", async () => {
    const care = await inCare();
    await reportPatientEvent({ db, actor: world.idec, input: { requestId: care.requestId, kind: "DECEASED", day: "03/12/2026" }, now: NOW });
    const timeline = await getRequestTimeline({ actor: world.gp, requestId: care.requestId });
    expect(timeline.find((e) => e.patientEvent)).toMatchObject({ patientEvent: "DECEASED", text: "Décès le 03/12/2026" });
    // Told: the GP and the teams in charge (the HAD); not the one who reported it.
    const told = await db.notification.findMany({ where: { kind: "PATIENT_EVENT" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.gp.id, world.otherIdec.id, world.had.id].sort());

    await closeRequest({
      db,
      actor: world.idec,
      input: { requestId: care.requestId, version: await care.version(), outcome: "DECEASED", summary: "Décès à domicile, entouré." },
    });
    expect(await code(reportPatientEvent({ db, actor: world.had, input: { referralId: care.had, kind: "BACK_HOME", day: "2026-12-02" }, now: NOW }))).toBe(
      "INVALID_TRANSITION",
    );
  });
});
