import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertStrongPassword, writePassword } from "@/lib/auth/set-password";
import { ZChangePassword } from "@/lib/users/schemas";
import type { z } from "zod";

/**
 * From one's own profile: the current password, then the new one twice. The other sessions of the
 * account end (a browser left signed in elsewhere); this one stays open.
 */
export async function changePassword({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZChangePassword>;
  db?: Db;
  now?: Date;
}) {
  assertCan(actor, "profile.edit");
  const { currentPassword, password } = ZChangePassword.parse(input);
  const current = await db.password.findUnique({ where: { userId: actor.id }, select: { hash: true } });
  if (!current || !(await verifyPassword(current.hash, currentPassword))) {
    throw new AppError("INVALID_INPUT", "Le mot de passe actuel n'est pas le bon.", { currentPassword: ["Ce n'est pas votre mot de passe actuel."] });
  }
  if (currentPassword === password)
    throw new AppError("INVALID_INPUT", "Choisissez un mot de passe différent de l'actuel.", { password: ["C'est votre mot de passe actuel."] });
  assertStrongPassword(password, [actor.name, actor.email]);
  const hash = await hashPassword(password);
  return db.$transaction((tx) => writePassword(tx, { userId: actor.id, hash, actorId: actor.id, keepSessionId: actor.sessionId, now }));
}
