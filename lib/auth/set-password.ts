import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/auth/password-strength";
import { revokeUserSessions } from "@/lib/auth/sessions";

// A new password for an account: every session opened with the old one ends on the server (a
// stolen session does not survive the password change it prompted), but `keepSessionId` — the
// person changing it from their own profile stays signed in there. `actorId`: who changed it.
export async function setPassword({
  userId,
  password,
  actorId = userId,
  keepSessionId,
  db = prisma,
  now = new Date(),
}: {
  userId: string;
  password: string;
  actorId?: string;
  keepSessionId?: string;
  db?: Db;
  now?: Date;
}) {
  const hash = await hashPassword(password);
  return db.$transaction((tx) => writePassword(tx, { userId, hash, actorId, keepSessionId, now }));
}

/** The same, in the caller's transaction, with the hash already computed (argon2 takes a while). */
export async function writePassword(
  tx: Tx,
  { userId, hash, actorId, keepSessionId, now }: { userId: string; hash: string; actorId: string; keepSessionId?: string; now: Date },
): Promise<{ revokedSessions: number }> {
  await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
  const revokedSessions = await revokeUserSessions(tx, userId, now, keepSessionId);
  await recordEvent(tx, actorId, { type: "auth.password_changed", subjectType: "user", subjectId: userId, data: { revokedSessions } });
  return { revokedSessions };
}

/** Refuses, at the password field, a password the estimator finds too easy to guess. */
export function assertStrongPassword(password: string, personal: string[]): void {
  const verdict = checkPasswordStrength(password, personal);
  if (!verdict.ok) throw new AppError("INVALID_INPUT", "Choisissez un mot de passe plus solide.", { password: [verdict.message] });
}
