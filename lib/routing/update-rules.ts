// A territory's coordinators (or an administrator) save the territory's routing rules: validated
// (French messages naming the need and place of care), on the version they loaded (a stale editor
// gets a conflict, never a silent overwrite), with one event listing what changed.
import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { diffRules, ZRoutingRules, type RoutingRuleChange } from "@/lib/routing/rules-schema";
import { rulesFromStored } from "@/lib/routing/stored-rules";
import { ZIdentifier } from "@/lib/text-schemas";

export const ZUpdateRoutingRules = z.object({
  territoryId: ZIdentifier({ missing: "Territoire manquant." }),
  version: z.coerce.number({ error: "Version manquante." }).int().min(0),
  rules: ZRoutingRules,
});

const CONFLICT_MESSAGE =
  "Les règles de ce territoire ont été modifiées par quelqu'un d'autre entre-temps. Rechargez la page pour voir la dernière version, puis refaites vos modifications.";

/** Coordinators edit the rules of their own territories only; administrators any territory's. */
export function assertCanEditTerritoryRules(actor: Actor, territoryId: string): void {
  assertCan(actor, "routing.rules.edit");
  if (actor.role !== "ADMIN" && !actor.territoryIds.includes(territoryId)) {
    throw new AppError("FORBIDDEN", "Vous ne pouvez modifier que les règles de vos territoires.");
  }
}

export async function updateRoutingRules({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZUpdateRoutingRules>;
  db?: Db;
  now?: Date;
}): Promise<{ version: number; changes: RoutingRuleChange[] }> {
  assertCan(actor, "routing.rules.edit");
  const { territoryId, version, rules } = ZUpdateRoutingRules.parse(input);
  assertCanEditTerritoryRules(actor, territoryId);
  try {
    return await db.$transaction(async (tx) => {
      const territory = await tx.territory.findUnique({ where: { id: territoryId }, select: { id: true } });
      if (!territory) throw new AppError("NOT_FOUND", "Territoire introuvable.");
      const row = await tx.territoryRoutingRules.findUnique({ where: { territoryId }, select: { rules: true, version: true } });
      if ((row?.version ?? 0) !== version) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      const changes = diffRules(rulesFromStored(row?.rules ?? null).rules, rules);
      if (changes.length === 0) return { version, changes };

      if (row) {
        const { count } = await tx.territoryRoutingRules.updateMany({
          where: { territoryId, version },
          data: { rules, version: { increment: 1 }, updatedById: actor.id },
        });
        if (count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      } else {
        // First save: two editors creating the row at once collide on the primary key (below).
        await tx.territoryRoutingRules.create({ data: { territoryId, rules, version: 1, updatedById: actor.id }, select: { territoryId: true } });
      }
      await recordEvent(
        tx,
        actor.id,
        {
          type: "routing.rules_updated",
          subjectType: "territory",
          subjectId: territoryId,
          data: { changes: changes.map(({ need, setting, before, after }) => ({ need, setting, before, after })) },
        },
        now,
      );
      return { version: version + 1, changes };
    });
  } catch (error) {
    if ((error as { code?: unknown })?.code === "P2002") throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    throw error;
  }
}
