import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { ZProfile } from "@/lib/users/schemas";
import type { z } from "zod";

// One's own name and phone (/profil).
export async function updateProfile({ actor, input, db = prisma }: { actor: Actor; input: z.input<typeof ZProfile>; db?: Db }) {
  assertCan(actor, "profile.edit");
  const next = ZProfile.parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, phone: true } });
    const changed = [...(user.name !== next.name ? (["name"] as const) : []), ...((user.phone ?? null) !== next.phone ? (["phone"] as const) : [])];
    if (changed.length === 0) return { changed };
    await tx.user.update({ where: { id: actor.id }, data: { name: next.name, phone: next.phone } });
    await recordEvent(tx, actor.id, { type: "user.profile_updated", subjectType: "user", subjectId: actor.id, data: { changed } });
    return { changed };
  });
}
