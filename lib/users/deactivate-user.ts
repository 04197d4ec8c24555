import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { revokeUserSessions } from "@/lib/auth/sessions";

// An administrator closes an account: it can no longer sign in, and its open sessions end now.
export async function deactivateUser({ actor, userId, db = prisma, now = new Date() }: { actor: Actor; userId: string; db?: Db; now?: Date }) {
  assertCan(actor, "users.manage");
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    const revokedSessions = await revokeUserSessions(tx, userId, now);
    await recordEvent(tx, actor.id, { type: "auth.account_deactivated", subjectType: "user", subjectId: userId, data: { revokedSessions } });
    return { revokedSessions };
  });
}
