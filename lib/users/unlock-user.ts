import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { guardKey } from "@/lib/auth/authenticate-user";
import { ZUserId } from "@/lib/users/schemas";
import type { z } from "zod";

// An administrator lifts the lock that too many wrong passwords put on an account's e-mail
// (login_guard): its owner may try again at once.
export async function unlockUser({ actor, input, db = prisma }: { actor: Actor; input: z.input<typeof ZUserId>; db?: Db }) {
  assertCan(actor, "users.manage");
  const { userId } = ZUserId.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "Compte introuvable.");
    const { count } = await tx.loginGuard.deleteMany({ where: { key: guardKey(user.email) } });
    await recordEvent(tx, actor.id, { type: "auth.account_unlocked", subjectType: "user", subjectId: userId, data: {} });
    return { wasLocked: count > 0 };
  });
}
