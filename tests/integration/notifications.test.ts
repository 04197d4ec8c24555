import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { closeRequest } from "@/lib/requests/close-request";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";
import { completeReferral } from "@/lib/referrals/complete-referral";
import { notifyEvent } from "@/lib/notifications/notify-event";
import { deliverDue } from "@/lib/notifications/deliver";
import { createTransports, closeTransports, type Transports } from "@/lib/notifications/mailer";
import { startWorker } from "@/lib/notifications/worker";
import { parisIsoDay } from "@/lib/time";
import { createWorld, fileTestRequest, PATIENT, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";
import { startSmtp, until, type TestSmtp } from "./helpers/smtp";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;
let smtp: TestSmtp;
let transports: Transports;
const config = (url: string) => ({
  SMTP_URL: url,
  MAIL_FROM: "Maillage <ne-pas-repondre@test.fr>",
  MSSANTE_SMTP_URL: undefined,
  MSSANTE_CERT_PATH: undefined,
  MSSANTE_KEY_PATH: undefined,
});

beforeAll(async () => {
  smtp = await startSmtp();
  transports = createTransports(config(smtp.url));
});
afterAll(async () => {
  closeTransports(transports);
  await smtp.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  smtp.clear();
  smtp.refuse = false;
}, 60_000);

const deliver = (now = new Date(), maxAttempts = 5) => deliverDue({ db, transports, now, maxAttempts });
const inbox = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
// The step's line of each message to that address (messages of one batch are sent in parallel).
const lines = (address: string) =>
  inbox(address)
    .map((m) => m.text.split("\n")[2])
    .sort();
const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
const refVersion = async (referralId: string) => (await db.referral.findUniqueOrThrow({ where: { id: referralId }, select: { version: true } })).version;

// Words an ordinary e-mail must never carry: who the patient is, what they need, which team.
const HEALTH_WORDS = [PATIENT.birthName, PATIENT.firstNames, "12/05/1946", "morphine", "Douleur", "palliati", "EMSP", "HAD", "Bar-le-Duc"];

describe("who is told what, by e-mail through a real SMTP server and in the app", () => {
  test("the journey: coordinators on filing, the GP at claim, acceptance, decline, first contact and closure, the teams on orientation", async () => {
    await db.territory.update({ where: { id: world.territories["meuse-sud"]! }, data: { email: "dac-meuse-sud@test.fr" } });
    const filed = await fileTestRequest(db, world, { urgency: "PLANNED" });
    const label = `DA-${String(filed.number).padStart(6, "0")}`;
    await deliver();
    // Both coordinators of Meuse Sud and the territory's address; nobody else.
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["dac-meuse-sud@test.fr", "idec2@test.fr", "idec@test.fr"]);
    expect(inbox("idec@test.fr")[0]!.subject).toBe(`Du nouveau sur la demande ${label}`);
    expect(inbox("idec@test.fr")[0]!.text).toContain(`Demande ${label} : nouvelle demande à trier.`);
    expect(inbox("idec@test.fr")[0]!.text).toContain(`http://localhost:3000/connexion?callbackUrl=${encodeURIComponent(`/coordination/demandes/${filed.id}`)}`);

    smtp.clear();
    await claimRequest({ db, actor: world.idec, requestId: filed.id });
    await deliver();
    expect(smtp.messages.map((m) => m.to)).toEqual([["gp@test.fr"]]);
    expect(smtp.messages[0]!.text).toContain("la demande est prise en charge par la coordination");

    smtp.clear();
    const { referralIds } = await orientRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), structureIds: [world.structures.emsp, world.structures.had], overrideReason: "Test" },
    });
    await deliver();
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["emsp@test.fr", "had@test.fr"]);
    expect(inbox("emsp@test.fr")[0]!.text).toContain(encodeURIComponent("/equipe/orientations/"));

    smtp.clear();
    const [emspRef, hadRef] = await Promise.all(
      [world.structures.emsp, world.structures.had].map(async (s) => db.referral.findFirstOrThrow({ where: { structureId: s, id: { in: referralIds } } })),
    );
    await acceptReferral({ db, actor: world.emsp, input: { referralId: emspRef!.id, version: emspRef!.version } });
    await declineReferral({ db, actor: world.had, input: { referralId: hadRef!.id, version: hadRef!.version, reason: "FULL" } });
    await deliver();
    expect(lines("gp@test.fr")).toEqual([
      `Demande ${label} : une orientation a été déclinée, réorientation en cours.`,
      `Demande ${label} : une équipe a accepté l'orientation.`,
    ]);
    // The decline goes to the coordinators too, to re-orient it.
    expect(inbox("idec@test.fr").map((m) => m.text.split("\n")[2])).toEqual([`Demande ${label} : une orientation a été déclinée : demande à réorienter.`]);

    smtp.clear();
    await recordFirstContact({ db, actor: world.emsp, input: { referralId: emspRef!.id, version: await refVersion(emspRef!.id), contactDate: parisIsoDay() } });
    await completeReferral({
      db,
      actor: world.emsp,
      input: { referralId: emspRef!.id, version: await refVersion(emspRef!.id), feedback: "Douleur soulagée, morphine adaptée." },
    });
    await closeRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), outcome: "NEEDS_MET", summary: "Jeanne Durand soulagée, suivi EMSP." },
    });
    await deliver();
    expect(lines("gp@test.fr")).toEqual([
      `Demande ${label} : la demande est clôturée, la synthèse est disponible.`,
      `Demande ${label} : une équipe a pris un premier contact.`,
      `Demande ${label} : une équipe a terminé son intervention et transmis un retour.`,
    ]);
    // The closing coordinator is not told of her own closure; the other one hears of the feedback.
    expect(inbox("idec@test.fr").map((m) => m.text.split("\n")[2])).toEqual([
      `Demande ${label} : une équipe a terminé son intervention et transmis un retour.`,
    ]);

    // The GP's bell: one notification per step, all unread.
    const bell = await db.notification.findMany({ where: { userId: world.gp.id }, orderBy: { id: "asc" } });
    expect(bell.map((n) => n.kind)).toEqual(["REQUEST_CLAIMED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "FIRST_CONTACT", "TEAM_FEEDBACK", "REQUEST_CLOSED"]);
    expect(bell.every((n) => n.readAt === null && n.link === `/demandes/${filed.id}`)).toBe(true);
  });

  test("an ordinary e-mail and the bell never carry health data: no name, birth date, need, free text, team nor summary", async () => {
    await db.structure.update({ where: { id: world.structures.emsp }, data: { secureEmail: "emsp-bld@ch-bar.mssante.fr" } });
    const filed = await fileTestRequest(db, world);
    await claimRequest({ db, actor: world.idec, requestId: filed.id });
    const { referralIds } = await orientRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), structureIds: [world.structures.emsp], overrideReason: "x" },
    });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: referralIds[0]!, version: 0 } });
    await closeRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), outcome: "NEEDS_MET", summary: "Jeanne Durand soulagée par la morphine." },
    });
    await deliver();
    // MSSanté is not configured here: the secure-domain address gets the ordinary message.
    expect(inbox("emsp-bld@ch-bar.mssante.fr")).toHaveLength(1);
    expect(smtp.messages.length).toBeGreaterThanOrEqual(6);
    const titles = (await db.notification.findMany({ select: { title: true } })).map((n) => n.title);
    for (const text of [...smtp.messages.map((m) => `${m.subject}\n${m.text}`), ...titles]) {
      for (const word of HEALTH_WORDS) expect(text).not.toContain(word);
    }
  });

  test("a rolled-back change notifies nobody: the loser of two simultaneous claims, or any transaction that fails after its event", async () => {
    const filed = await fileTestRequest(db, world);
    await db.notification.deleteMany();
    await db.outboxMessage.deleteMany();
    const results = await Promise.allSettled([
      claimRequest({ db, actor: world.idec, requestId: filed.id }),
      claimRequest({ db, actor: world.otherIdec, requestId: filed.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(
      db.$transaction(async (tx) => {
        await notifyEvent(
          tx,
          await recordEvent(tx, world.idec.id, { type: "request.closed", subjectType: "request", subjectId: filed.id, data: { outcome: "NEEDS_MET" } }),
        );
        throw new Error("échec après l'événement");
      }),
    ).rejects.toThrow("échec après l'événement");
    expect(await db.notification.count()).toBe(1);
    expect(await db.outboxMessage.findMany({ select: { kind: true, recipient: true } })).toEqual([{ kind: "REQUEST_CLAIMED", recipient: "gp@test.fr" }]);
    await deliver();
    expect(smtp.messages.map((m) => m.to)).toEqual([["gp@test.fr"]]);
  });
});

describe("delivery: at most once per (event, recipient, channel), retried, then dead", () => {
  test("the same event notified twice writes one notification and one message per recipient", async () => {
    const filed = await fileTestRequest(db, world);
    const event = await db.event.findFirstOrThrow({ where: { subjectId: filed.id, type: "request.submitted" } });
    await db.$transaction(async (tx) =>
      notifyEvent(tx, {
        type: "request.submitted",
        subjectType: "request",
        subjectId: filed.id,
        data: event.data as never,
        id: event.id,
        actorId: world.gp.id,
        at: event.at,
      }),
    );
    // Two coordinators (in the app and by e-mail) and the territory's own address.
    expect(await db.outboxMessage.count()).toBe(3);
    expect(await db.notification.count()).toBe(2);
  });

  test("a message committed but not sent when the process died goes out once after restart; a worker killed mid-send is taken over after its lease", async () => {
    await db.territory.updateMany({ data: { email: null } });
    await fileTestRequest(db, world); // committed: 2 messages PENDING; the process "dies" here
    // A worker claims them and dies before sending (rows stay SENDING with a lease).
    const now = new Date();
    await db.$executeRaw`UPDATE outbox_message SET status = 'SENDING', locked_until = ${new Date(now.getTime() + 60_000)}, attempts = 1`;
    expect((await deliver(now)).claimed).toBe(0); // leased: nobody else takes them
    const after = new Date(now.getTime() + 61_000);
    expect((await deliver(after)).sent).toBe(2);
    expect((await deliver(new Date(after.getTime() + 3_600_000))).claimed).toBe(0);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(["idec2@test.fr", "idec@test.fr"]);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(2);
  });

  test("two workers draining the same 300 messages send each exactly once", async () => {
    await db.outboxMessage.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        key: `bulk:${i}`,
        channel: "EMAIL" as const,
        recipient: `u${i}@test.fr`,
        kind: "REQUEST_SUBMITTED" as const,
        subject: "s",
        body: "b",
      })),
    });
    const full = { ...config(smtp.url), NOTIFY_MAX_ATTEMPTS: 5, ESCALATION_LEAD_HOURS: 4, CAPACITY_REMINDER_DAYS: 14, DIGEST_HOUR: 7 };
    const workers = [
      startWorker({ db, config: full, pollMs: 20, batchSize: 20, log: () => {} }),
      startWorker({ db, config: full, pollMs: 20, batchSize: 20, log: () => {} }),
    ];
    await until(async () => (await db.outboxMessage.count({ where: { status: "SENT" } })) === 300, 60_000);
    await Promise.all(workers.map((w) => w.stop()));
    expect(smtp.messages).toHaveLength(300);
    expect(new Set(smtp.messages.map((m) => m.to[0])).size).toBe(300);
  });

  test("an SMTP server that refuses: retried with a growing delay, then dead-lettered with its error after the last attempt", async () => {
    smtp.refuse = true;
    await db.outboxMessage.create({ data: { key: "k", channel: "EMAIL", recipient: "gp@test.fr", kind: "REQUEST_CLAIMED", subject: "s", body: "b" } });
    let now = new Date();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliver(now, 3);
      expect(report.claimed).toBe(1);
      const row = await db.outboxMessage.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain("550");
      if (attempt < 3) {
        expect(row.status).toBe("PENDING");
        delays.push(row.nextAttemptAt.getTime() - now.getTime());
        expect((await deliver(new Date(row.nextAttemptAt.getTime() - 1000), 3)).claimed).toBe(0); // not before its time
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("FAILED");
      }
    }
    expect(delays).toEqual([30_000, 60_000]);
    expect((await deliver(new Date(now.getTime() + 86_400_000), 3)).claimed).toBe(0);
    smtp.refuse = false;
  });

  test("with no SMTP configured the messages are kept (status KEPT), readable, never lost", async () => {
    await db.territory.updateMany({ data: { email: null } });
    await fileTestRequest(db, world);
    const report = await deliverDue({ db, transports: { EMAIL: null, MSSANTE: null }, maxAttempts: 5 });
    expect(report.kept).toBe(2);
    expect(await db.outboxMessage.count({ where: { status: "KEPT" } })).toBe(2);
    expect(smtp.messages).toHaveLength(0);
  });
});
