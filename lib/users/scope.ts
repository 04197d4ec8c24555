import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/authz/permissions";

// Which accounts an actor may run (invite, deactivate, reactivate): an administrator every one; a
// coordinator the team members all of whose structures are in her territories (one that also
// belongs to a structure elsewhere is the administrator's); nobody else any.
export function manageableUserScope(actor: Actor): Prisma.UserWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "COORDINATOR": {
      const inMine = { structure: { territoryId: { in: actor.territoryIds } } };
      return { role: "TEAM_MEMBER", structures: { some: inMine, every: inMine } };
    }
    default:
      return { id: { in: [] } };
  }
}

/** What a new account may be, for this actor: a coordinator creates team members of her structures. */
export async function assertMayCreate(
  actor: Actor,
  account: { role: Role; structureIds: string[] },
  structuresInScope: (ids: string[]) => Promise<number>,
): Promise<void> {
  if (actor.role === "ADMIN") return;
  if (actor.role !== "COORDINATOR") throw new AppError("FORBIDDEN", "Vous n'avez pas accès à cette fonction.");
  if (account.role !== "TEAM_MEMBER") {
    throw new AppError(
      "FORBIDDEN",
      "Une coordinatrice invite les membres des équipes de ses territoires ; les autres comptes sont créés par l'administrateur du dispositif.",
      {
        role: ["Choisissez « Équipe de soins »."],
      },
    );
  }
  if ((await structuresInScope(account.structureIds)) !== account.structureIds.length) {
    throw new AppError("FORBIDDEN", "Choisissez des structures de vos territoires.", { structureIds: ["Une des structures n'est pas dans vos territoires."] });
  }
}
