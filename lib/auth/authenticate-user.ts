import { createHmac } from "node:crypto";
import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/audit";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limit";
import { openSession } from "@/lib/auth/sessions";
import type { Role } from "@/lib/authz/permissions";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role }; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; minutesLeft: number }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

type Options = {
  email: string; // already normalised (lower-case) by ZSignIn
  password: string;
  // The client's address (lib/client-address.ts): its wrong passwords are limited too.
  address: string;
  now?: Date;
  db?: Db;
  maxFailures?: number;
  lockMinutes?: number;
  sessionHours?: number;
};

/**
 * Checks a password. Before any password is checked, the attempt is counted twice, atomically:
 * against the client's address (`sign-in` rate limit) and against the e-mail typed (login_guard,
 * whether an account has it or not). After `maxFailures` wrong passwords in a row on an e-mail it
 * is locked for `lockMinutes`, and every attempt past the lock is refused without a check: however
 * many arrive at once, at most `maxFailures` guesses per lock period are ever verified. A known and
 * an unknown e-mail go through the same steps and answer alike. A success resets the counter,
 * opens a server-side session (lib/auth/sessions.ts) and is an event, like every outcome on a
 * known account.
 */
export async function authenticateUser(options: Options): Promise<AuthenticateResult> {
  const db = options.db ?? prisma;
  const now = options.now ?? new Date();
  const config = env();
  const maxFailures = options.maxFailures ?? config.LOGIN_MAX_FAILURES;
  const lockMinutes = options.lockMinutes ?? config.LOGIN_LOCK_MINUTES;
  const sessionHours = options.sessionHours ?? config.SESSION_ABSOLUTE_MAX_HOURS;

  const byAddress = await consumeRateLimit({ bucket: "sign-in", address: options.address, db });
  if (!byAddress.allowed) return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: byAddress.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email: options.email },
    select: { id: true, email: true, name: true, role: true, active: true, password: { select: { hash: true } } },
  });
  const account = user && user.active && user.password ? { ...user, hash: user.password.hash } : null;

  const key = guardKey(options.email);
  const attempt = await reserveAttempt(db, { key, now, maxFailures, lockUntil: new Date(now.getTime() + lockMinutes * 60_000) });
  if (!attempt.allowed) {
    if (account) {
      await db.$transaction((tx) => recordEvent(tx, null, { type: "auth.sign_in_refused_locked", subjectType: "user", subjectId: account.id, data: {} }));
    }
    return { ok: false, reason: "LOCKED", minutesLeft: Math.max(1, Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 60_000)) };
  }

  // An unknown e-mail costs the same argon2 check as a known one: timing does not tell them apart.
  const valid = await verifyPassword(account?.hash ?? (await getDummyHash()), options.password);
  if (!account || !valid) {
    if (account) {
      await db.$transaction((tx) =>
        recordEvent(tx, null, {
          type: "auth.sign_in_failed",
          subjectType: "user",
          subjectId: account.id,
          data: { failures: attempt.failures, locked: attempt.locks },
        }),
      );
    }
    return attempt.locks ? { ok: false, reason: "LOCKED", minutesLeft: lockMinutes } : { ok: false, reason: "INVALID" };
  }

  const sessionId = await db.$transaction(async (tx) => {
    await tx.loginGuard.deleteMany({ where: { key } });
    return openSession(tx, { userId: account.id, now, hours: sessionHours, method: "password" });
  });
  await refundRateLimit({ bucket: "sign-in", address: options.address, db });
  return { ok: true, user: { id: account.id, email: account.email, name: account.name, role: account.role }, sessionId };
}

// The e-mails typed at sign-in include strangers' addresses and typos: kept as a keyed hash only.
export function guardKey(email: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`login-guard:${email}`).digest("base64url").slice(0, 32);
}

type Attempt = { allowed: true; failures: number; locks: boolean } | { allowed: false; lockedUntil: Date };

/**
 * One statement, so that concurrent attempts queue on the row: counts this attempt as a failure
 * (a success deletes the row afterwards) and, when it is the `maxFailures`-th in a row, locks the
 * e-mail from now on. An expired lock starts a new count. Refused (no row updated) while locked.
 */
async function reserveAttempt(
  db: Db,
  { key, now, maxFailures, lockUntil }: { key: string; now: Date; maxFailures: number; lockUntil: Date },
): Promise<Attempt> {
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_guard AS g (key, failures, locked_until, updated_at)
    VALUES (${key}, 1, CASE WHEN 1 >= ${maxFailures}::int THEN ${lockUntil}::timestamp END, ${now}::timestamp)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN g.locked_until IS NOT NULL THEN 1 ELSE g.failures + 1 END,
      locked_until = CASE WHEN (CASE WHEN g.locked_until IS NOT NULL THEN 1 ELSE g.failures + 1 END) >= ${maxFailures}::int THEN ${lockUntil}::timestamp END,
      updated_at = ${now}::timestamp
    WHERE g.locked_until IS NULL OR g.locked_until <= ${now}::timestamp
    RETURNING g.failures`;
  const row = rows[0];
  if (row) return { allowed: true, failures: row.failures, locks: row.failures >= maxFailures };
  const guard = await db.loginGuard.findUnique({ where: { key }, select: { lockedUntil: true } });
  return { allowed: false, lockedUntil: guard?.lockedUntil ?? now };
}
