import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { departmentsOfTerritories } from "@/lib/geography/queries";

// An active account as an Actor (role and memberships read from the database), or null. By id
// and session for a request: the session must be open (not signed out, revoked or past its
// absolute end), read in the same query as the account. By e-mail for the tooling that acts as a
// given account (demo history, bench).
type Where = { id: string; sessionId: string; now?: Date } | { email: string };

export async function loadActor({ db = prisma, ...where }: { db?: Db } & Where): Promise<Actor | null> {
  const session = "sessionId" in where ? { id: where.sessionId, now: where.now ?? new Date() } : null;
  const user = await db.user.findUnique({
    where: "email" in where ? { email: where.email } : { id: where.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      territories: { select: { territoryId: true } },
      structures: { select: { structureId: true } },
      sessions: { where: { id: session?.id ?? "", revokedAt: null, expiresAt: { gt: session?.now ?? new Date() } }, select: { id: true }, take: 1 },
    },
  });
  if (!user || !user.active) return null;
  if (session && user.sessions.length === 0) return null;
  const territoryIds = user.territories.map((t) => t.territoryId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    territoryIds,
    departmentCodes: await departmentsOfTerritories(db, territoryIds),
    structureIds: user.structures.map((s) => s.structureId),
    ...(session ? { sessionId: session.id } : {}),
  };
}
