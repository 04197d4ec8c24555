import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { guardKey } from "@/lib/auth/authenticate-user";
import { manageableUserScope } from "@/lib/users/scope";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  active: boolean;
  locked: boolean;
  /** No password yet: the invitation has not been used. */
  invited: boolean;
  lastLoginAt: Date | null;
  territories: string[];
  structures: string[];
};

// The accounts an actor may run (an administrator all, a coordinator her territories' team
// members), with their memberships and state; never a password hash (separate table).
export async function listUsers({ actor, now = new Date(), db = prisma }: { actor: Actor; now?: Date; db?: Db }): Promise<UserListItem[]> {
  assertCan(actor, "users.invite");
  const users = await db.user.findMany({
    where: manageableUserScope(actor),
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      password: { select: { userId: true } },
      territories: { select: { territory: { select: { name: true } } } },
      structures: { select: { structure: { select: { name: true } } } },
    },
  });
  const locked = await lockedUserIds(db, users, now);
  return users.map((u) => listItem(u, locked));
}

type ListRow = {
  id: string;
  name: string;
  email: string;
  role: Actor["role"];
  active: boolean;
  lastLoginAt: Date | null;
  password: unknown;
  territories: { territory: { name: string } }[];
  structures: { structure: { name: string } }[];
};

function listItem(u: ListRow, locked: Set<string>): UserListItem {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    locked: locked.has(u.id),
    invited: !u.password,
    lastLoginAt: u.lastLoginAt,
    territories: u.territories.map((t) => t.territory.name),
    structures: u.structures.map((s) => s.structure.name),
  };
}

// Locks are kept per e-mail typed at sign-in (login_guard), keyed by a hash of it.
async function lockedUserIds(db: Db, users: { id: string; email: string }[], now: Date): Promise<Set<string>> {
  const keys = new Map(users.map((u) => [guardKey(u.email), u.id]));
  const rows = await db.loginGuard.findMany({ where: { key: { in: [...keys.keys()] }, lockedUntil: { gt: now } }, select: { key: true } });
  return new Set(rows.map((r) => keys.get(r.key)!));
}

export type UserDetail = UserListItem & {
  rpps: string | null;
  phone: string | null;
  territoryIds: string[];
  structureIds: string[];
  invitationExpiresAt: Date | null;
  /** What this actor may do on it. */
  may: { edit: boolean; unlock: boolean };
};

export async function getUser({ actor, userId, now = new Date(), db = prisma }: { actor: Actor; userId: string; now?: Date; db?: Db }): Promise<UserDetail> {
  assertCan(actor, "users.invite");
  const u = await db.user.findFirst({
    where: { AND: [{ id: userId }, manageableUserScope(actor)] },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      rpps: true,
      phone: true,
      active: true,
      lastLoginAt: true,
      password: { select: { userId: true } },
      territories: { select: { territoryId: true, territory: { select: { name: true } } } },
      structures: { select: { structureId: true, structure: { select: { name: true } } } },
      accountTokens: {
        where: { purpose: "INVITATION", usedAt: null, expiresAt: { gt: now } },
        select: { expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!u) throw new AppError("NOT_FOUND", "Compte introuvable.");
  const locked = await lockedUserIds(db, [u], now);
  return {
    ...listItem(u, locked),
    rpps: u.rpps,
    phone: u.phone,
    territoryIds: u.territories.map((t) => t.territoryId),
    structureIds: u.structures.map((s) => s.structureId),
    invitationExpiresAt: u.accountTokens[0]?.expiresAt ?? null,
    may: { edit: can(actor, "users.manage"), unlock: can(actor, "users.manage") },
  };
}

export type MembershipOptions = {
  territories: { id: string; name: string }[];
  structures: { id: string; name: string; territoryName: string }[];
};

/** What the account form offers: every territory and structure (admin), her own (coordinator). */
export async function membershipOptions({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<MembershipOptions> {
  assertCan(actor, "users.invite");
  const mine = actor.role === "ADMIN" ? {} : { id: { in: actor.territoryIds } };
  const [territories, structures] = await Promise.all([
    db.territory.findMany({ where: mine, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.structure.findMany({
      where: { active: true, ...(actor.role === "ADMIN" ? {} : { territoryId: { in: actor.territoryIds } }) },
      orderBy: [{ territory: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, territory: { select: { name: true } } },
    }),
  ]);
  return {
    territories: actor.role === "ADMIN" ? territories : [],
    structures: structures.map((s) => ({ id: s.id, name: s.name, territoryName: s.territory?.name ?? "Sans territoire" })),
  };
}

/** The signed-in person's own profile. */
export async function getProfile({ actor, db = prisma }: { actor: Actor; db?: Db }) {
  assertCan(actor, "profile.edit");
  return db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true, role: true, phone: true, rpps: true } });
}
