import type { Db, Tx } from "@/lib/db";
import { formatDate, parisIsoDay, parisTime, wallClock } from "@/lib/time";
import { composeDigest } from "@/lib/notifications/compose";
import { enqueueNotice, mailSettings } from "@/lib/notifications/enqueue";
import { coordinationLink, teamLink } from "@/lib/notifications/notify-event";
import { structureMembers, territoryCoordinators, territoryLeadsAndAdmins } from "@/lib/notifications/recipients";

// Scheduled jobs. Each tick of each job runs once across every worker instance: the tick's row in
// scheduled_tick is inserted in the transaction that does the job's work, so a second instance
// waits on that row, then sees it and skips; an instance that dies mid-job rolls back the row with
// the work, and the next instance does it. Every notice has a key of its own besides
// (overdue:triage:<request>…), so even a job run twice tells nobody twice.

export type JobSettings = { escalationLeadHours: number; capacityReminderDays: number; digestHour: number };

const REMINDER_PERIOD_MS = 15 * 60_000;
const BATCH = 500;

/** Runs `work` if this instance is the first to take (job, tick). */
export async function runOnce(db: Db, job: string, tick: Date, now: Date, work: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const taken = await tx.$queryRaw<{ job: string }[]>`
        INSERT INTO scheduled_tick (job, tick, ran_at) VALUES (${job}, ${tick}, ${now}) ON CONFLICT DO NOTHING RETURNING job`;
      if (taken.length === 0) return false;
      await work(tx);
      return true;
    },
    { timeout: 120_000 },
  );
}

/** The ticks due at `now`: reminders every 15 minutes, the digest once a day at DIGEST_HOUR (Paris). */
export async function runScheduledJobs(db: Db, settings: JobSettings, now: Date = new Date()): Promise<string[]> {
  const ran: string[] = [];
  const reminderTick = new Date(Math.floor(now.getTime() / REMINDER_PERIOD_MS) * REMINDER_PERIOD_MS);
  if (await runOnce(db, "reminders", reminderTick, now, (tx) => runReminders(tx, settings, now))) ran.push("reminders");
  const w = wallClock(now);
  const digestTick = parisTime(w.y, w.m, w.d, settings.digestHour);
  if (now >= digestTick && (await runOnce(db, "digest", digestTick, now, (tx) => sendDigests(tx, now)))) ran.push("digest");
  return ran;
}

export async function runReminders(tx: Tx, settings: JobSettings, now: Date): Promise<void> {
  await escalateOverdue(tx, settings.escalationLeadHours, now);
  await remindUnansweredReferrals(tx, now);
  await remindStaleCapacity(tx, settings.capacityReminderDays, now);
}

type Late = { id: string; number: number; territoryId: string; dueAt: Date };

// Triage (nobody claimed it) or first contact (no team reached the patient) past its promised
// date: the territory's coordinators first, then, ESCALATION_LEAD_HOURS later, its lead and the
// administrators. Always sent at once, whatever the preferences.
export async function escalateOverdue(tx: Tx, leadHours: number, now: Date): Promise<void> {
  const lateTriage = await tx.$queryRaw<Late[]>`
    SELECT id, number, territory_id AS "territoryId", triage_due_at AS "dueAt" FROM request
     WHERE status = 'SUBMITTED' AND territory_id IS NOT NULL AND triage_due_at <= ${now}
     ORDER BY triage_due_at LIMIT ${BATCH}`;
  const lateContact = await tx.$queryRaw<Late[]>`
    SELECT id, number, territory_id AS "territoryId", contact_due_at AS "dueAt" FROM request
     WHERE status IN ('TRIAGE', 'ORIENTED', 'IN_CARE') AND first_contact_at IS NULL AND territory_id IS NOT NULL AND contact_due_at <= ${now}
     ORDER BY contact_due_at LIMIT ${BATCH}`;
  const leadAfter = leadHours * 3_600_000;
  for (const [what, rows] of [
    ["triage", lateTriage],
    ["contact", lateContact],
  ] as const) {
    const words = what === "triage" ? "le tri n'a pas été fait dans le délai annoncé" : "le premier contact n'a pas eu lieu dans le délai annoncé";
    for (const r of rows) {
      await enqueueNotice(tx, {
        key: `overdue:${what}:${r.id}`,
        kind: "OVERDUE",
        at: now,
        requestId: r.id,
        requestNumber: r.number,
        phrase: `retard, ${words}`,
        link: coordinationLink(r.id),
        users: await territoryCoordinators(tx, r.territoryId),
      });
      if (now.getTime() - r.dueAt.getTime() >= leadAfter) {
        await enqueueNotice(tx, {
          key: `overdue:${what}:${r.id}:lead`,
          kind: "OVERDUE_ESCALATED",
          at: now,
          requestId: r.id,
          requestNumber: r.number,
          phrase: `escalade, ${words} (retard de plus de ${leadHours} h)`,
          link: "/notifications",
          users: await territoryLeadsAndAdmins(tx, r.territoryId),
        });
      }
    }
  }
}

// A proposed referral its team has not answered within the territory's referral_answer_hours:
// the team is reminded (once per referral) and the coordinators are told.
export async function remindUnansweredReferrals(tx: Tx, now: Date): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string; structureId: string; requestId: string; number: number; territoryId: string }[]>`
    SELECT f.id, f.structure_id AS "structureId", r.id AS "requestId", r.number, r.territory_id AS "territoryId"
      FROM referral f JOIN request r ON r.id = f.request_id JOIN territory t ON t.id = r.territory_id
     WHERE f.status = 'PROPOSED' AND r.status IN ('TRIAGE', 'ORIENTED', 'IN_CARE')
       AND f.proposed_at <= ${now}::timestamp - make_interval(hours => t.referral_answer_hours)
     ORDER BY f.proposed_at LIMIT ${BATCH}`;
  for (const r of rows) {
    const secure = await tx.structure.findUnique({ where: { id: r.structureId }, select: { secureEmail: true } });
    await enqueueNotice(tx, {
      key: `referral-reminder:${r.id}`,
      kind: "REFERRAL_REMINDER",
      at: now,
      requestId: r.requestId,
      structureId: r.structureId,
      requestNumber: r.number,
      phrase: "rappel, une orientation attend la réponse de votre équipe",
      link: teamLink(r.id),
      users: await structureMembers(tx, r.structureId),
      addresses: secure?.secureEmail ? [secure.secureEmail] : [],
    });
    await enqueueNotice(tx, {
      key: `referral-reminder:${r.id}`,
      kind: "REFERRAL_REMINDER",
      at: now,
      requestId: r.requestId,
      requestNumber: r.number,
      phrase: "une orientation attend toujours la réponse d'une équipe",
      link: coordinationLink(r.requestId),
      users: await territoryCoordinators(tx, r.territoryId),
    });
  }
}

// A structure whose capacity nobody confirmed for CAPACITY_REMINDER_DAYS: its team is asked, with
// a link to the capacity form where one click on « Toujours à jour » confirms it. One reminder per
// period without confirmation (the key holds the last confirmation).
export async function remindStaleCapacity(tx: Tx, days: number, now: Date): Promise<void> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const stale = await tx.structure.findMany({
    where: { active: true, OR: [{ capacityConfirmedAt: { lte: before } }, { capacityConfirmedAt: null, createdAt: { lte: before } }] },
    select: { id: true, secureEmail: true, capacityConfirmedAt: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  for (const s of stale) {
    const since = s.capacityConfirmedAt ? formatDate(s.capacityConfirmedAt) : null;
    await enqueueNotice(tx, {
      key: `capacity:${s.id}:${s.capacityConfirmedAt?.getTime() ?? "never"}`,
      kind: "CAPACITY_REMINDER",
      at: now,
      structureId: s.id,
      requestNumber: null,
      phrase: since
        ? `la disponibilité de votre structure n'a pas été confirmée depuis le ${since} : est-elle toujours à jour ?`
        : "la disponibilité de votre structure n'a jamais été confirmée : est-elle à jour ?",
      link: `/annuaire/${encodeURIComponent(s.id)}#disponibilite`,
      users: await structureMembers(tx, s.id),
      addresses: s.secureEmail ? [s.secureEmail] : [],
    });
  }
}

// One e-mail a day per user with what their preferences held for it (in the app they saw it at
// once). Titles only: the same neutral words as the bell.
export async function sendDigests(tx: Tx, now: Date): Promise<void> {
  const held = await tx.notification.findMany({
    where: { digestPending: true, createdAt: { lte: now } },
    select: { id: true, userId: true, title: true, link: true, createdAt: true, user: { select: { email: true, active: true } } },
    orderBy: [{ userId: "asc" }, { createdAt: "asc" }],
  });
  const byUser = new Map<string, typeof held>();
  for (const n of held) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const { baseUrl } = mailSettings();
  const day = parisIsoDay(now);
  for (const [userId, items] of byUser) {
    const user = items[0]!.user;
    if (user.active) {
      const text = composeDigest({ baseUrl, day: now, items });
      await tx.outboxMessage.createMany({
        data: [
          {
            key: `digest:${day}`,
            channel: "EMAIL",
            recipient: user.email,
            userId,
            kind: "DIGEST",
            subject: text.subject,
            body: text.body,
            nextAttemptAt: now,
            createdAt: now,
          },
        ],
        skipDuplicates: true,
      });
    }
    await tx.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { digestPending: false } });
  }
}
