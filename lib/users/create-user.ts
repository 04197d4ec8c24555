import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { assertMayCreate } from "@/lib/users/scope";
import { sendInvitation } from "@/lib/users/invite-user";
import { ZCreateUser, type TCreateUser } from "@/lib/users/schemas";

/**
 * An administrator (any account) or a coordinator (a team member of her structures) creates an
 * account and invites it: the account has no password until its owner chooses one from the link.
 * The e-mail and the RPPS are unique; the territories and structures must exist.
 */
export async function createUser({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: TCreateUser; db?: Db; now?: Date }) {
  assertCan(actor, "users.invite");
  const account = ZCreateUser.parse(input);
  await assertMayCreate(actor, account, (ids) => db.structure.count({ where: { id: { in: ids }, territoryId: { in: actor.territoryIds } } }));
  return db.$transaction(async (tx) => {
    const [byEmail, byRpps, territories, structures] = await Promise.all([
      tx.user.findUnique({ where: { email: account.email }, select: { id: true } }),
      account.rpps ? tx.user.findFirst({ where: { rpps: account.rpps }, select: { id: true } }) : null,
      tx.territory.count({ where: { id: { in: account.territoryIds } } }),
      tx.structure.count({ where: { id: { in: account.structureIds } } }),
    ]);
    if (byEmail) throw new AppError("CONFLICT", "Un compte existe déjà avec cette adresse.", { email: ["Un compte existe déjà avec cette adresse e-mail."] });
    if (byRpps) throw new AppError("CONFLICT", "Un compte existe déjà avec ce numéro RPPS.", { rpps: ["Un compte existe déjà avec ce numéro RPPS."] });
    if (territories !== account.territoryIds.length)
      throw new AppError("INVALID_INPUT", "Un territoire choisi n'existe plus.", { territoryIds: ["Rechargez la page."] });
    if (structures !== account.structureIds.length)
      throw new AppError("INVALID_INPUT", "Une structure choisie n'existe plus.", { structureIds: ["Rechargez la page."] });
    const user = await tx.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        rpps: account.rpps,
        phone: account.phone,
        territories: { create: account.territoryIds.map((territoryId) => ({ territoryId })) },
        structures: { create: account.structureIds.map((structureId) => ({ structureId })) },
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordEvent(tx, actor.id, {
      type: "user.created",
      subjectType: "user",
      subjectId: user.id,
      data: { role: account.role, territoryIds: account.territoryIds, structureIds: account.structureIds },
    });
    const { expiresAt } = await sendInvitation(tx, { actor, user, resent: false, now });
    return { id: user.id, email: user.email, expiresAt };
  });
}
