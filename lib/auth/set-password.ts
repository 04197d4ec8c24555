import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";

// A new password for an account: every session opened with the old one ends on the server (a
// stolen session does not survive the password change it prompted). `actorId`: who changed it.
export async function setPassword({
  userId,
  password,
  actorId = userId,
  db = prisma,
  now = new Date(),
}: {
  userId: string;
  password: string;
  actorId?: string;
  db?: Db;
  now?: Date;
}) {
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    const revokedSessions = await revokeUserSessions(tx, userId, now);
    await recordEvent(tx, actorId, { type: "auth.password_changed", subjectType: "user", subjectId: userId, data: { revokedSessions } });
    return { revokedSessions };
  });
}
