import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/authz/permissions";
import { hashPassword } from "@/lib/auth/password";

export type UserInput = {
  email: string;
  name: string;
  role: Role;
  password: string;
  rpps?: string;
  territoryIds?: string[];
  structureIds?: string[];
};

// Creates or updates an account with its password and exactly the given memberships.
// Shared by the demo seed, the integration tests and the browser tests.
export async function upsertUser(db: PrismaClient, input: UserInput): Promise<{ id: string }> {
  const email = input.email.toLowerCase();
  const hash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: input.name, role: input.role, rpps: input.rpps },
      update: { name: input.name, role: input.role, rpps: input.rpps, active: true },
      select: { id: true },
    });
    await tx.password.upsert({ where: { userId: user.id }, create: { userId: user.id, hash }, update: { hash } });
    await tx.territoryMembership.deleteMany({ where: { userId: user.id } });
    await tx.structureMembership.deleteMany({ where: { userId: user.id } });
    if (input.territoryIds?.length) {
      await tx.territoryMembership.createMany({ data: input.territoryIds.map((territoryId) => ({ userId: user.id, territoryId })) });
    }
    if (input.structureIds?.length) {
      await tx.structureMembership.createMany({ data: input.structureIds.map((structureId) => ({ userId: user.id, structureId })) });
    }
    return user;
  });
}
