import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, ROLE_LABELS } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { enqueueAccountMail } from "@/lib/notifications/account-mail";
import { manageableUserScope } from "@/lib/users/scope";
import { ZUserId } from "@/lib/users/schemas";
import type { z } from "zod";
import type { Role } from "@/lib/authz/permissions";

/**
 * Sends (again) the invitation of an account: a new single-use link valid 72 h, by e-mail through
 * the outbox; an earlier link stops working. Within the actor's scope (lib/users/scope.ts).
 */
export async function inviteUser({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: z.input<typeof ZUserId>; db?: Db; now?: Date }) {
  assertCan(actor, "users.invite");
  const { userId } = ZUserId.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { AND: [{ id: userId }, manageableUserScope(actor)] },
      select: { id: true, email: true, name: true, role: true, active: true, password: { select: { userId: true } } },
    });
    if (!user) throw new AppError("NOT_FOUND", "Compte introuvable.");
    if (!user.active) throw new AppError("INVALID_TRANSITION", "Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.");
    // The page offers it only then: once a password is chosen, its owner uses « Mot de passe oublié ».
    if (user.password) throw new AppError("INVALID_TRANSITION", "Ce compte a déjà un mot de passe : la personne peut utiliser « Mot de passe oublié ».");
    return sendInvitation(tx, { actor, user, resent: true, now });
  });
}

/** In the caller's transaction (account creation): the link, the e-mail and the event. */
export async function sendInvitation(
  tx: Tx,
  { actor, user, resent, now }: { actor: Actor; user: { id: string; email: string; name: string; role: Role }; resent: boolean; now: Date },
): Promise<{ expiresAt: Date }> {
  const { id: tokenId, token, expiresAt } = await issueAccountToken(tx, { userId: user.id, purpose: "INVITATION", createdById: actor.id, now });
  await enqueueAccountMail(tx, { purpose: "INVITATION", inviterName: actor.name, roleLabel: ROLE_LABELS[user.role], tokenId, token, to: user, at: now });
  await recordEvent(tx, actor.id, { type: "user.invited", subjectType: "user", subjectId: user.id, data: { tokenId, resent } });
  return { expiresAt };
}
