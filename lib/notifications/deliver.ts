import type { Db } from "@/lib/db";
import type { OutboxChannel } from "@/lib/generated/prisma/enums";
import type { Transports } from "@/lib/notifications/mailer";
import { withLink } from "@/lib/notifications/account-mail";

// The worker's delivery step: claim due messages (FOR UPDATE SKIP LOCKED: two workers never take
// the same row), send them, record the outcome. A claim is a lease (locked_until): a worker killed
// mid-send leaves its rows SENDING, and they are claimed again once the lease is over. Failures
// are retried with an exponential backoff; after `maxAttempts` the message is dead (FAILED).

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number; kept: number };

type Claimed = { id: bigint; channel: OutboxChannel; recipient: string; subject: string; body: string; secret: string | null; attempts: number };

/** Delay before the attempt after `attempts` failures: 30 s, 1 min, 2 min… capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function deliverDue({
  db,
  transports,
  now = new Date(),
  batchSize = 50,
  leaseMs = 60_000,
  maxAttempts,
}: {
  db: Db;
  transports: Transports;
  now?: Date;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts: number;
}): Promise<DeliveryReport> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE outbox_message o
       SET status = 'SENDING', locked_until = ${new Date(now.getTime() + leaseMs)}, attempts = o.attempts + 1
      FROM (SELECT id FROM outbox_message
             WHERE (status = 'PENDING' AND next_attempt_at <= ${now}) OR (status = 'SENDING' AND locked_until <= ${now})
             ORDER BY next_attempt_at, id
             LIMIT ${batchSize}
             FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
 RETURNING o.id, o.channel::text AS channel, o.recipient, o.subject, o.body, o.secret, o.attempts`;
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, kept: 0 };
  // Outcomes written once per batch (one statement for the sent, one for the kept): a round trip
  // per message would cap the throughput at the database's latency.
  const sent: bigint[] = [];
  const kept: bigint[] = [];
  await Promise.all(
    claimed.map(async (message) => {
      const mailer = transports[message.channel];
      if (!mailer && message.channel === "EMAIL") {
        kept.push(message.id);
        return;
      }
      try {
        if (!mailer) throw new Error("MSSanté n'est pas configurée (MSSANTE_CERT_PATH, MSSANTE_KEY_PATH).");
        // An account link (invitation, reset): its token is put in now, and erased once sent.
        const text = withLink(message.body, message.secret);
        if (text === null) throw new Error("Lien personnel illisible (NEXTAUTH_SECRET a changé) : envoyez un nouveau lien depuis la fiche du compte.");
        await mailer.send({ id: message.id, to: message.recipient, subject: message.subject, text });
        sent.push(message.id);
      } catch (error) {
        const dead = message.attempts >= maxAttempts;
        if (dead) report.failed++;
        else report.retried++;
        await db.outboxMessage.updateMany({
          where: { id: message.id, status: "SENDING" },
          data: {
            status: dead ? "FAILED" : "PENDING",
            lockedUntil: null,
            lastError: errorText(error),
            nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)),
          },
        });
      }
    }),
  );
  if (sent.length) {
    report.sent = (
      await db.outboxMessage.updateMany({
        where: { id: { in: sent }, status: "SENDING" },
        data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, secret: null },
      })
    ).count;
  }
  if (kept.length)
    report.kept = (await db.outboxMessage.updateMany({ where: { id: { in: kept }, status: "SENDING" }, data: { status: "KEPT", lockedUntil: null } })).count;
  return report;
}

// The SMTP server's answer (codes, "550 mailbox unavailable"): never the message's content.
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
