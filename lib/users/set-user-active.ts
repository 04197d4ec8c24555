import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { manageableUserScope } from "@/lib/users/scope";
import { ZSetUserActive } from "@/lib/users/schemas";
import type { z } from "zod";

/**
 * Closes or reopens an account, within the actor's scope (an administrator any; a coordinator the
 * team members of her structures). Closing: it can no longer sign in, and its open sessions end now
 * (the next request of a signed-in browser lands on the sign-in page). Reopening: it signs in with
 * its password again (or from a new invitation if it had none).
 */
export async function setUserActive({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZSetUserActive>;
  db?: Db;
  now?: Date;
}) {
  assertCan(actor, "users.invite");
  const { userId, active } = ZSetUserActive.parse(input);
  if (userId === actor.id && !active) throw new AppError("INVALID_INPUT", "Vous ne pouvez pas désactiver votre propre compte.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { AND: [{ id: userId }, manageableUserScope(actor)] }, select: { id: true, active: true } });
    if (!user) throw new AppError("NOT_FOUND", "Compte introuvable.");
    if (user.active === active) return { changed: false, revokedSessions: 0 };
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) {
      const revokedSessions = await revokeUserSessions(tx, userId, now);
      await recordEvent(tx, actor.id, { type: "auth.account_deactivated", subjectType: "user", subjectId: userId, data: { revokedSessions } });
      return { changed: true, revokedSessions };
    }
    await recordEvent(tx, actor.id, { type: "auth.account_reactivated", subjectType: "user", subjectId: userId, data: {} });
    return { changed: true, revokedSessions: 0 };
  });
}
