import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { runScheduledJobs } from "@/lib/notifications/jobs";
import { deliverDue } from "@/lib/notifications/deliver";
import { createTransports, closeTransports, type Transports } from "@/lib/notifications/mailer";
import { setPreferences } from "@/lib/notifications/set-preferences";
import { markRead } from "@/lib/notifications/mark-read";
import { retryDelivery } from "@/lib/notifications/retry-delivery";
import { countOverdue, countUnread, listDeliveries } from "@/lib/notifications/queries";
import { parisTime } from "@/lib/time";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";
import { startSmtp, type TestSmtp } from "./helpers/smtp";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;
let smtp: TestSmtp;
let transports: Transports;
const SETTINGS = { escalationLeadHours: 4, capacityReminderDays: 14, digestHour: 7 };
const HOUR = 3_600_000;

beforeAll(async () => {
  smtp = await startSmtp();
  transports = createTransports({
    SMTP_URL: smtp.url,
    MAIL_FROM: "ne-pas-repondre@test.fr",
    MSSANTE_SMTP_URL: undefined,
    MSSANTE_CERT_PATH: undefined,
    MSSANTE_KEY_PATH: undefined,
  });
});
afterAll(async () => {
  closeTransports(transports);
  await smtp.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  await db.territory.updateMany({ data: { email: null } });
  smtp.clear();
}, 60_000);

const kindsOf = async (userId: string) => (await db.notification.findMany({ where: { userId }, orderBy: { id: "asc" } })).map((n) => n.kind);
const mailsTo = async (recipient: string) => (await db.outboxMessage.findMany({ where: { recipient }, orderBy: { id: "asc" } })).map((m) => m.kind);

describe("escalation of what is late, on a controlled clock", () => {
  test("a triage past its due date: the coordinators first, the territory's lead and the admins after the second delay; once each, across ticks and instances", async () => {
    const filedAt = parisTime(2026, 12, 1, 10, 0); // a Tuesday, 10:00 in Paris
    const filed = await fileTestRequest(db, world, { urgency: "CRISIS" }, filedAt);
    await db.territoryMembership.update({
      where: { userId_territoryId: { userId: world.otherIdec.id, territoryId: world.territories["meuse-sud"]! } },
      data: { isLead: true },
    });
    const { triageDueAt } = await db.request.findUniqueOrThrow({ where: { id: filed.id } });
    const due = triageDueAt!.getTime();

    await runScheduledJobs(db, SETTINGS, new Date(due - 60_000));
    expect(await db.notification.count({ where: { kind: { in: ["OVERDUE", "OVERDUE_ESCALATED"] } } })).toBe(0);

    // Two instances on the same tick: one runs it.
    const late = new Date(due + 60_000);
    const ran = await Promise.all([runScheduledJobs(db, SETTINGS, late), runScheduledJobs(db, SETTINGS, late)]);
    expect(ran.filter((r) => r.includes("reminders"))).toHaveLength(1);
    expect(await kindsOf(world.idec.id)).toEqual(["REQUEST_SUBMITTED", "OVERDUE"]);
    expect(await kindsOf(world.otherIdec.id)).toEqual(["REQUEST_SUBMITTED", "OVERDUE"]);
    expect(await kindsOf(world.admin.id)).toEqual([]);
    expect(await mailsTo("idec@test.fr")).toEqual(["REQUEST_SUBMITTED", "OVERDUE"]);
    expect(await countOverdue({ db, actor: world.idec, now: late })).toEqual({ triage: 1, contact: 0 });

    // Next tick, still late but before the second delay: nothing new.
    await runScheduledJobs(db, SETTINGS, new Date(due + 20 * 60_000));
    expect(await db.notification.count({ where: { kind: "OVERDUE" } })).toBe(2);

    // After the second delay: the lead (Meuse Sud) and the administrators; the other coordinator is not a lead.
    await runScheduledJobs(db, SETTINGS, new Date(due + 4 * HOUR + 60_000));
    await runScheduledJobs(db, SETTINGS, new Date(due + 5 * HOUR));
    expect(await kindsOf(world.otherIdec.id)).toEqual(["REQUEST_SUBMITTED", "OVERDUE", "OVERDUE_ESCALATED"]);
    expect(await kindsOf(world.admin.id)).toEqual(["OVERDUE_ESCALATED"]);
    expect(await kindsOf(world.idec.id)).toEqual(["REQUEST_SUBMITTED", "OVERDUE"]);
    expect(await mailsTo("admin@test.fr")).toEqual(["OVERDUE_ESCALATED"]);

    // Claimed: no longer late for triage; its first contact becomes late later.
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: new Date(due + 5 * HOUR) });
    expect(await countOverdue({ db, actor: world.idec, now: new Date(due + 5 * HOUR) })).toEqual({ triage: 0, contact: 0 });
    const { contactDueAt } = await db.request.findUniqueOrThrow({ where: { id: filed.id } });
    await runScheduledJobs(db, SETTINGS, new Date(contactDueAt!.getTime() + 60_000));
    const overdue = await db.notification.findMany({ where: { userId: world.idec.id, kind: "OVERDUE" }, orderBy: { id: "asc" } });
    expect(overdue.map((n) => n.title)).toEqual([
      `DA-${String(filed.number).padStart(6, "0")} : retard, le tri n'a pas été fait dans le délai annoncé`,
      `DA-${String(filed.number).padStart(6, "0")} : retard, le premier contact n'a pas eu lieu dans le délai annoncé`,
    ]);
  });

  test("a referral unanswered after the territory's delay: the team is reminded once, the coordinators told", async () => {
    const at = parisTime(2026, 12, 1, 9, 0);
    const filed = await fileTestRequest(db, world, { urgency: "PLANNED" }, at);
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: at });
    await orientRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: 1, structureIds: [world.structures.emsp], overrideReason: "x" },
      now: at,
    });
    await runScheduledJobs(db, SETTINGS, new Date(at.getTime() + 47 * HOUR));
    expect(await kindsOf(world.emsp.id)).toEqual(["REFERRAL_PROPOSED"]);
    await runScheduledJobs(db, SETTINGS, new Date(at.getTime() + 48 * HOUR + 60_000));
    await runScheduledJobs(db, SETTINGS, new Date(at.getTime() + 49 * HOUR));
    expect(await kindsOf(world.emsp.id)).toEqual(["REFERRAL_PROPOSED", "REFERRAL_REMINDER"]);
    expect((await kindsOf(world.otherIdec.id)).filter((k) => k === "REFERRAL_REMINDER")).toHaveLength(1);
  });

  test("a capacity not confirmed for 14 days: the team is asked, with a link to the capacity form", async () => {
    const now = new Date();
    await db.structure.updateMany({ data: { capacityConfirmedAt: now } });
    await db.structure.update({ where: { id: world.structures.emsp }, data: { capacityConfirmedAt: new Date(now.getTime() - 15 * 24 * HOUR) } });
    await runScheduledJobs(db, SETTINGS, now);
    const [notice] = await db.notification.findMany({ where: { userId: world.emsp.id } });
    expect(notice).toMatchObject({ kind: "CAPACITY_REMINDER", link: `/annuaire/${world.structures.emsp}#disponibilite` });
    expect(notice!.title).toMatch(/n'a pas été confirmée depuis le \d\d\/\d\d\/2026 : est-elle toujours à jour \?/);
    expect(await db.notification.count({ where: { userId: world.had.id } })).toBe(0);
  });
});

describe("preferences and the daily digest", () => {
  test("a kind set to the digest: in the app at once, by e-mail once in the day's digest; in-app only: no e-mail; a crisis always at once", async () => {
    await setPreferences({ db, actor: world.gp, input: { mode_REQUEST_CLAIMED: "DIGEST" } });
    await setPreferences({ db, actor: world.otherIdec, input: { mode_REQUEST_SUBMITTED: "APP_ONLY" } });
    const day = parisTime(2026, 12, 2, 6, 0);
    const planned = await fileTestRequest(db, world, { urgency: "PLANNED" }, day);
    await fileTestRequest(db, world, { urgency: "CRISIS", firstNames: "Marie" }, day);
    // The crisis reaches the coordinator who chose "in the app only"; the planned request does not.
    expect(await mailsTo("idec2@test.fr")).toEqual(["REQUEST_SUBMITTED"]);
    expect(await kindsOf(world.otherIdec.id)).toEqual(["REQUEST_SUBMITTED", "REQUEST_SUBMITTED"]);

    await claimRequest({ db, actor: world.idec, requestId: planned.id, now: day });
    expect(await kindsOf(world.gp.id)).toEqual(["REQUEST_CLAIMED"]);
    expect(await mailsTo("gp@test.fr")).toEqual([]);

    await runScheduledJobs(db, SETTINGS, parisTime(2026, 12, 2, 6, 59));
    expect(await mailsTo("gp@test.fr")).toEqual([]);
    await runScheduledJobs(db, SETTINGS, parisTime(2026, 12, 2, 7, 1));
    await runScheduledJobs(db, SETTINGS, parisTime(2026, 12, 2, 7, 20));
    expect(await mailsTo("gp@test.fr")).toEqual(["DIGEST"]);
    await deliverDue({ db, transports, maxAttempts: 5 });
    const digest = smtp.messages.find((m) => m.to.includes("gp@test.fr"))!;
    expect(digest.subject).toBe("Maillage : votre récapitulatif du 02/12/2026");
    expect(digest.text).toContain(`DA-${String(planned.number).padStart(6, "0")} : la demande est prise en charge par la coordination`);
    // The next day's digest has nothing left to say.
    await runScheduledJobs(db, SETTINGS, parisTime(2026, 12, 3, 7, 1));
    expect(await mailsTo("gp@test.fr")).toEqual(["DIGEST"]);
  });
});

describe("the notification centre and the delivery view", () => {
  test("mark one as read, then all; another user's notification is left alone", async () => {
    await fileTestRequest(db, world);
    await fileTestRequest(db, world, { firstNames: "Marie" });
    expect(await countUnread({ db, actor: world.idec })).toBe(2);
    const [first] = await db.notification.findMany({ where: { userId: world.idec.id }, orderBy: { id: "asc" } });
    expect(await markRead({ db, actor: world.otherIdec, input: { notificationId: String(first!.id) } })).toBe(0);
    expect(await markRead({ db, actor: world.idec, input: { notificationId: String(first!.id) } })).toBe(1);
    expect(await countUnread({ db, actor: world.idec })).toBe(1);
    expect(await markRead({ db, actor: world.idec, input: {} })).toBe(1);
    expect(await countUnread({ db, actor: world.idec })).toBe(0);
    expect(await countUnread({ db, actor: world.otherIdec })).toBe(2);
  });

  test("an administrator sees a failed message with its error and puts it back in the queue; others may not", async () => {
    smtp.refuse = true;
    await db.outboxMessage.create({
      data: { key: "k", channel: "EMAIL", recipient: "gp@test.fr", kind: "REQUEST_CLAIMED", subject: "Du nouveau", body: "texte" },
    });
    await deliverDue({ db, transports, maxAttempts: 1 });
    smtp.refuse = false;
    const { items, counts } = await listDeliveries({ db, actor: world.admin });
    expect(counts).toEqual({ FAILED: 1 });
    expect(items[0]).toMatchObject({ status: "FAILED", attempts: 1, body: "texte" });
    expect(items[0]!.lastError).toContain("550");
    await expect(retryDelivery({ db, actor: world.idec, input: { messageId: items[0]!.id } })).rejects.toThrow(/accès/);
    await retryDelivery({ db, actor: world.admin, input: { messageId: items[0]!.id } });
    await expect(retryDelivery({ db, actor: world.admin, input: { messageId: items[0]!.id } })).rejects.toThrow("Ce message n'est plus en échec");
    expect((await deliverDue({ db, transports, maxAttempts: 1 })).sent).toBe(1);
    expect(smtp.messages).toHaveLength(1);
  });
});
