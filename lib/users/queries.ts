import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";

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
      lockedUntil: true,
      lastLoginAt: true,
      territories: { select: { territory: { select: { name: true } } } },
      structures: { select: { structure: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    locked: Boolean(u.lockedUntil && u.lockedUntil > now),
    lastLoginAt: u.lastLoginAt,
    territories: u.territories.map((t) => t.territory.name),
    structures: u.structures.map((s) => s.structure.name),
  }));
}
