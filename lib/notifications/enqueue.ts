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
  const title = neutralTitle(notice.phrase, notice.requestNumber);

  // The channel of each address, known before the preferences: the secure detail (the patient's
  // name…) is read only when an MSSanté address may be written to.
  const channelOf = (address: string): OutboxChannel => (settings.secureEnabled && isSecureAddress(address, settings.secureDomains) ? "MSSANTE" : "EMAIL");
  const candidates = dedupeBy(
    [...users.map((u) => ({ address: u.email.toLowerCase(), userId: u.id as string | null })), ...addresses.map((address) => ({ address, userId: null }))],
    (c) => c.address,
  );
  const channels = candidates.map((c) => channelOf(c.address));
  const detail = channels.includes("MSSANTE") && notice.detail ? await notice.detail() : {};
  const ordinary = composeOrdinary({ ...notice, baseUrl: settings.baseUrl });
  const secure = composeSecure({ ...notice, baseUrl: settings.baseUrl, detail });
  // Crises and escalations: at once whatever the preference.
  const forced = effectiveMode(notice.kind, "APP_ONLY", notice.crisis ?? false) === "IMMEDIATE";

  // One statement (one round trip in the change's transaction): each user's preference for this
  // kind, their in-app notifications, and the e-mails of those who want them now plus the shared
  // addresses. ON CONFLICT DO NOTHING on (key, user) and (key, recipient, channel): at most once.
  await tx.$executeRaw`
    WITH c AS (
      SELECT * FROM unnest(${candidates.map((c) => c.userId)}::text[], ${candidates.map((c) => c.address)}::text[], ${channels}::text[]) AS c(user_id, address, channel)
    ), m AS (
      SELECT c.user_id, c.address, c.channel,
             CASE WHEN c.user_id IS NULL OR ${forced} THEN 'IMMEDIATE' ELSE coalesce(p.mode::text, 'IMMEDIATE') END AS mode
        FROM c LEFT JOIN notification_preference p ON p.user_id = c.user_id AND p.kind = ${notice.kind}::"NotificationKind"
    ), n AS (
      INSERT INTO notification (user_id, kind, key, request_id, structure_id, title, link, created_at, digest_pending)
      SELECT user_id, ${notice.kind}::"NotificationKind", ${notice.key}, ${notice.requestId ?? null}, ${notice.structureId ?? null}, ${title}, ${notice.link}, ${notice.at}, mode = 'DIGEST'
        FROM m WHERE user_id IS NOT NULL
      ON CONFLICT (key, user_id) DO NOTHING
    )
    INSERT INTO outbox_message (key, channel, recipient, user_id, kind, request_id, subject, body, next_attempt_at, created_at)
    SELECT ${notice.key}, channel::"OutboxChannel", address, user_id, ${notice.kind}::"NotificationKind", ${notice.requestId ?? null},
           CASE WHEN channel = 'MSSANTE' THEN ${secure.subject} ELSE ${ordinary.subject} END,
           CASE WHEN channel = 'MSSANTE' THEN ${secure.body} ELSE ${ordinary.body} END,
           ${notice.at}, ${notice.at}
      FROM m WHERE mode = 'IMMEDIATE'
    ON CONFLICT (key, recipient, channel) DO NOTHING`;
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
