import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { withLink } from "@/lib/notifications/account-mail";
import { assertCan } from "@/lib/authz/permissions";
import type { DeliveryMode, NotificationKind, OutboxStatus } from "@/lib/generated/prisma/enums";

// Reads of the notification centre (the actor's own rows only) and of the delivery view (admins).

export async function countUnread({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<number> {
  assertCan(actor, "notifications.read");
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export type NotificationItem = { id: string; kind: NotificationKind; title: string; link: string; createdAt: Date; read: boolean };

export async function listNotifications({ actor, db = prisma, take = 50 }: { actor: Actor; db?: Db; take?: number }): Promise<NotificationItem[]> {
  assertCan(actor, "notifications.read");
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
  });
  return rows.map((r) => ({ id: String(r.id), kind: r.kind, title: r.title, link: r.link, createdAt: r.createdAt, read: r.readAt !== null }));
}

export async function getPreferences({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<Partial<Record<NotificationKind, DeliveryMode>>> {
  assertCan(actor, "notifications.read");
  const rows = await db.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, mode: true } });
  return Object.fromEntries(rows.map((r) => [r.kind, r.mode]));
}

export type DeliveryItem = {
  id: string;
  createdAt: Date;
  kind: NotificationKind;
  channel: "EMAIL" | "MSSANTE";
  recipient: string;
  subject: string;
  /** The text as sent (or as it would be): ordinary e-mail only — a secure message may carry health data. */
  body: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

export async function listDeliveries({ actor, status, db = prisma, take = 100 }: { actor: Actor; status?: OutboxStatus; db?: Db; take?: number }) {
  assertCan(actor, "notifications.deliveries");
  const [rows, counts] = await Promise.all([
    db.outboxMessage.findMany({ where: status ? { status } : {}, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const items: DeliveryItem[] = rows.map((r) => ({
    id: String(r.id),
    createdAt: r.createdAt,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    // A message kept for want of SMTP (a demo, a test): its account link is shown here, the only
    // place it can be read; once sent, the token is gone from the database.
    body: r.channel === "EMAIL" ? (r.status === "KEPT" ? withLink(r.body, r.secret) : r.body) : null,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt,
    nextAttemptAt: r.nextAttemptAt,
  }));
  return { items, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<OutboxStatus, number>> };
}

/** The coordinator's home: how many of her territories' requests are late, per step. */
export async function countOverdue({
  actor,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  db?: Db;
  now?: Date;
}): Promise<{ triage: number; contact: number }> {
  assertCan(actor, "requests.coordinate");
  const territoryId = { in: actor.territoryIds };
  const [triage, contact] = await Promise.all([
    db.request.count({ where: { territoryId, status: "SUBMITTED", triageDueAt: { lte: now } } }),
    db.request.count({ where: { territoryId, status: { in: ["TRIAGE", "ORIENTED", "IN_CARE"] }, firstContactAt: null, contactDueAt: { lte: now } } }),
  ]);
  return { triage, contact };
}
