import { randomBytes } from "node:crypto";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";

// Server-side sessions (user_session): the cookie's JWT names one, and lib/auth/load-actor.ts
// accepts it only while it is neither revoked nor past its absolute end.

/** Sign-out: this session ends on the server, so a copy of its cookie opens nothing any more. */
export async function revokeSession({ sessionId, db = prisma, now = new Date() }: { sessionId: string; db?: Db; now?: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } });
    if (!session || session.revokedAt) return;
    await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: now } });
    await recordEvent(tx, session.userId, { type: "auth.sign_out", subjectType: "user", subjectId: session.userId, data: {} });
  });
}

/** Every open session of the account ends (a password change, a deactivation), but `keep`. */
export async function revokeUserSessions(tx: Tx, userId: string, now: Date, keep?: string): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

/**
 * A successful sign-in (password or Pro Santé Connect), in the caller's transaction: the account's
 * last sign-in, its expired sessions cleared, a new server-side session, the event.
 */
export async function openSession(
  tx: Tx,
  { userId, now, hours, method }: { userId: string; now: Date; hours: number; method: "password" | "psc" },
): Promise<string> {
  const sessionId = randomBytes(24).toString("base64url");
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  // Sessions past their end are of no use to anyone: cleared at the next sign-in.
  await tx.userSession.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  await tx.userSession.create({ data: { id: sessionId, userId, createdAt: now, expiresAt: new Date(now.getTime() + hours * 3_600_000) } });
  await recordEvent(tx, userId, { type: "auth.sign_in", subjectType: "user", subjectId: userId, data: method === "psc" ? { method } : {} });
  return sessionId;
}
