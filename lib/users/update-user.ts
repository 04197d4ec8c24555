import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZUpdateUser, type TUpdateUser } from "@/lib/users/schemas";

/**
 * An administrator changes an account's name, role, RPPS, phone and memberships. Takes effect at
 * the account's next request (role and memberships are read from the database at each one).
 */
export async function updateUser({ actor, input, db = prisma }: { actor: Actor; input: TUpdateUser; db?: Db }) {
  assertCan(actor, "users.manage");
  const next = ZUpdateUser.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: next.userId },
      select: {
        id: true,
        name: true,
        role: true,
        rpps: true,
        phone: true,
        territories: { select: { territoryId: true } },
        structures: { select: { structureId: true } },
      },
    });
    if (!user) throw new AppError("NOT_FOUND", "Compte introuvable.");
    if (user.id === actor.id && next.role !== "ADMIN") {
      throw new AppError("INVALID_INPUT", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.", {
        role: ["Un autre administrateur peut le faire."],
      });
    }
    if (next.rpps) {
      const other = await tx.user.findFirst({ where: { rpps: next.rpps, id: { not: user.id } }, select: { id: true } });
      if (other) throw new AppError("CONFLICT", "Un autre compte a ce numéro RPPS.", { rpps: ["Un autre compte a déjà ce numéro RPPS."] });
    }
    const [territories, structures] = await Promise.all([
      tx.territory.count({ where: { id: { in: next.territoryIds } } }),
      tx.structure.count({ where: { id: { in: next.structureIds } } }),
    ]);
    if (territories !== next.territoryIds.length)
      throw new AppError("INVALID_INPUT", "Un territoire choisi n'existe plus.", { territoryIds: ["Rechargez la page."] });
    if (structures !== next.structureIds.length)
      throw new AppError("INVALID_INPUT", "Une structure choisie n'existe plus.", { structureIds: ["Rechargez la page."] });

    const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
    const changed = [
      ...(user.name !== next.name ? (["name"] as const) : []),
      ...(user.role !== next.role ? (["role"] as const) : []),
      ...((user.rpps ?? null) !== next.rpps ? (["rpps"] as const) : []),
      ...((user.phone ?? null) !== next.phone ? (["phone"] as const) : []),
      ...(!same(
        user.territories.map((t) => t.territoryId),
        next.territoryIds,
      )
        ? (["territories"] as const)
        : []),
      ...(!same(
        user.structures.map((s) => s.structureId),
        next.structureIds,
      )
        ? (["structures"] as const)
        : []),
    ];
    if (changed.length === 0) return { changed };
    await tx.user.update({ where: { id: user.id }, data: { name: next.name, role: next.role, rpps: next.rpps, phone: next.phone } });
    if (changed.includes("territories")) {
      await tx.territoryMembership.deleteMany({ where: { userId: user.id } });
      await tx.territoryMembership.createMany({ data: next.territoryIds.map((territoryId) => ({ userId: user.id, territoryId })) });
    }
    if (changed.includes("structures")) {
      await tx.structureMembership.deleteMany({ where: { userId: user.id } });
      await tx.structureMembership.createMany({ data: next.structureIds.map((structureId) => ({ userId: user.id, structureId })) });
    }
    await recordEvent(tx, actor.id, {
      type: "user.updated",
      subjectType: "user",
      subjectId: user.id,
      data: { changed, role: next.role, territoryIds: next.territoryIds, structureIds: next.structureIds },
    });
    return { changed };
  });
}
