import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { NotificationKind, OutboxChannel } from "@/lib/generated/prisma/enums";
import { composeOrdinary, composeSecure, neutralTitle, type SecureDetail } from "@/lib/notifications/compose";
import { effectiveMode, isSecureAddress } from "@/lib/notifications/kinds";

export type Recipient = { id: string; email: string };

export type Notice = {
  /** The cause: with the recipient and the channel, what makes a message unique ("event:123"). */
  key: string;
  kind: NotificationKind;
  at: Date;
  requestId?: string | null;
  structureId?: string | null;
  requestNumber: number | null;
  /** The step in neutral words, for this audience (« une équipe a accepté l'orientation »). */
  phrase: string;
  /** The page to open, for this audience. */
  link: string;
  /** A crisis request: sent at once whatever the preference. */
  crisis?: boolean;
  /** Accounts told in the app and, per their preference, by e-mail. */
  users: Recipient[];
  /** Shared addresses (a territory's, a structure's secure mailbox): by e-mail only, at once. */
  addresses?: string[];
  /** What only a secure (MSSanté) message may say; read only when such a recipient exists. */
  detail?: () => Promise<SecureDetail>;
};

type MailSettings = { baseUrl: string; secureDomains: readonly string[]; secureEnabled: boolean };

export function mailSettings(): MailSettings {
  const config = env();
  // MSSanté is used only when its certificate is configured: otherwise a secure-domain address gets
  // the ordinary (neutral) message like any other.
  return { baseUrl: config.NEXTAUTH_URL, secureDomains: config.MSSANTE_DOMAINS, secureEnabled: Boolean(config.MSSANTE_CERT_PATH) };
}

/**
 * Writes, in the caller's transaction, the in-app notifications and the outbox messages of one
 * notice. Writing twice the same key writes nothing more (ON CONFLICT DO NOTHING on
 * (key, user) and (key, recipient, channel)).
 */
export async function enqueueNotice(tx: Tx, notice: Notice): Promise<void> {
  const users = dedupeBy(notice.users, (u) => u.id);
  const addresses = [...new Set((notice.addresses ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (users.length === 0 && addresses.length === 0) return;
  const settings = mailSettings();
  const title = neutralTitle(notice.kind, notice.phrase, notice.requestNumber);

  const prefs = users.length
    ? await tx.notificationPreference.findMany({ where: { userId: { in: users.map((u) => u.id) }, kind: notice.kind }, select: { userId: true, mode: true } })
    : [];
  const modeOf = new Map(prefs.map((p) => [p.userId, p.mode]));
  const modes = new Map(users.map((u) => [u.id, effectiveMode(notice.kind, modeOf.get(u.id), notice.crisis ?? false)]));

  if (users.length) {
    await tx.notification.createMany({
      data: users.map((u) => ({
        userId: u.id,
        kind: notice.kind,
        key: notice.key,
        requestId: notice.requestId ?? null,
        structureId: notice.structureId ?? null,
        title,
        link: notice.link,
        createdAt: notice.at,
        digestPending: modes.get(u.id) === "DIGEST",
      })),
      skipDuplicates: true,
    });
  }

  const mailTo = [
    ...users.filter((u) => modes.get(u.id) === "IMMEDIATE").map((u) => ({ address: u.email.toLowerCase(), userId: u.id as string | null })),
    ...addresses.map((address) => ({ address, userId: null })),
  ];
  const targets = dedupeBy(mailTo, (t) => t.address);
  if (targets.length === 0) return;
  const channelOf = (address: string): OutboxChannel => (settings.secureEnabled && isSecureAddress(address, settings.secureDomains) ? "MSSANTE" : "EMAIL");
  const needsDetail = targets.some((t) => channelOf(t.address) === "MSSANTE");
  const detail = needsDetail && notice.detail ? await notice.detail() : {};
  const texts = {
    ordinary: composeOrdinary({ ...notice, baseUrl: settings.baseUrl }),
    secure: composeSecure({ ...notice, baseUrl: settings.baseUrl, detail }),
  };
  await tx.outboxMessage.createMany({
    data: targets.map((t) => {
      const channel = channelOf(t.address);
      const text = channel === "MSSANTE" ? texts.secure : texts.ordinary;
      return {
        key: notice.key,
        channel,
        recipient: t.address,
        userId: t.userId,
        kind: notice.kind,
        requestId: notice.requestId ?? null,
        subject: text.subject,
        body: text.body,
        nextAttemptAt: notice.at,
        createdAt: notice.at,
      };
    }),
    skipDuplicates: true,
  });
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
