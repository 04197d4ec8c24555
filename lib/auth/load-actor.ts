import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";

// An active account as an Actor (role and memberships read from the database), or null. By id
// for the session, by e-mail for the tooling that acts as a given account (demo history, bench).
export async function loadActor({ db = prisma, ...where }: { db?: Db } & ({ id: string } | { email: string })): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      territories: { select: { territoryId: true } },
      structures: { select: { structureId: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    territoryIds: user.territories.map((t) => t.territoryId),
    structureIds: user.structures.map((s) => s.structureId),
  };
}
