import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/audit";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/authz/permissions";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "LOCKED"; minutesLeft: number };

type Options = {
  email: string; // already normalised (lower-case) by ZSignIn
  password: string;
  now?: Date;
  db?: Db;
  maxFailures?: number;
  lockMinutes?: number;
};

// Checks a password and keeps the lock-out counter: after `maxFailures` wrong passwords in a row
// the account is locked for `lockMinutes`; a success resets the counter. Every outcome on a known
// account is an event.
export async function authenticateUser(options: Options): Promise<AuthenticateResult> {
  const db = options.db ?? prisma;
  const now = options.now ?? new Date();
  const maxFailures = options.maxFailures ?? env().LOGIN_MAX_FAILURES;
  const lockMinutes = options.lockMinutes ?? env().LOGIN_LOCK_MINUTES;

  const user = await db.user.findUnique({
    where: { email: options.email },
    select: { id: true, email: true, name: true, role: true, active: true, lockedUntil: true, password: { select: { hash: true } } },
  });
  if (!user || !user.active || !user.password) {
    await verifyPassword(await getDummyHash(), options.password);
    return { ok: false, reason: "INVALID" };
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await db.$transaction((tx) =>
      recordEvent(tx, null, { type: "auth.sign_in_refused_locked", subjectType: "user", subjectId: user.id, data: {} }),
    );
    return { ok: false, reason: "LOCKED", minutesLeft: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }

  const valid = await verifyPassword(user.password.hash, options.password);
  if (!valid) {
    return db.$transaction(async (tx) => {
      // Atomic increment: concurrent wrong attempts all count.
      const { failedLoginCount } = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      const locked = failedLoginCount >= maxFailures;
      if (locked) {
        await tx.user.update({
          where: { id: user.id },
          data: { lockedUntil: new Date(now.getTime() + lockMinutes * 60_000), failedLoginCount: 0 },
        });
      }
      await recordEvent(tx, null, {
        type: "auth.sign_in_failed",
        subjectType: "user",
        subjectId: user.id,
        data: { failures: failedLoginCount, locked },
      });
      return locked ? { ok: false as const, reason: "LOCKED" as const, minutesLeft: lockMinutes } : { ok: false as const, reason: "INVALID" as const };
    });
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await recordEvent(tx, user.id, { type: "auth.sign_in", subjectType: "user", subjectId: user.id, data: {} });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
