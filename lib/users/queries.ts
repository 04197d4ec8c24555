import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { guardKey } from "@/lib/auth/authenticate-user";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  active: boolean;
  locked: boolean;
  lastLoginAt: Date | null;
  territories: string[];
  structures: string[];
};

// Accounts and their memberships, for administrators only (no password hashes: separate table).
export async function listUsers({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<UserListItem[]> {
  assertCan(actor, "users.manage");
  const users = await prisma.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      territories: { select: { territory: { select: { name: true } } } },
      structures: { select: { structure: { select: { name: true } } } },
    },
  });
  // Locks are kept per e-mail typed at sign-in (login_guard), keyed by a hash of it.
  const keys = new Map(users.map((u) => [u.id, guardKey(u.email)]));
  const locked = await prisma.loginGuard.findMany({ where: { key: { in: [...keys.values()] }, lockedUntil: { gt: now } }, select: { key: true } });
  const lockedKeys = new Set(locked.map((g) => g.key));
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    locked: lockedKeys.has(keys.get(u.id)!),
    lastLoginAt: u.lastLoginAt,
    territories: u.territories.map((t) => t.territory.name),
    structures: u.structures.map((s) => s.structure.name),
  }));
}
