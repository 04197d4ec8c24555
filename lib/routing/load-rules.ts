// A territory's routing rules as stored (TerritoryRoutingRules), or the domain defaults when the
// territory never edited them.
import { prisma, type Db, type Tx } from "@/lib/db";
import { rulesFromStored } from "@/lib/routing/stored-rules";
import type { RoutingRules } from "@/lib/routing/types";

export interface TerritoryRules {
  rules: RoutingRules;
  /** Optimistic concurrency: 0 while the territory uses the defaults (no row yet). */
  version: number;
  /** False while the territory has never saved its own table. */
  customized: boolean;
  /** The stored table was completed or cleaned after a vocabulary change (see stored-rules.ts). */
  repaired: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** `withAuthor`: also the name of who saved last (the editor shows it; routing does not need it). */
export async function loadRoutingRules({
  territoryId,
  withAuthor = false,
  db = prisma,
}: {
  territoryId: string | null;
  withAuthor?: boolean;
  db?: Db | Tx;
}): Promise<TerritoryRules> {
  const row = territoryId
    ? await db.territoryRoutingRules.findUnique({ where: { territoryId }, select: { rules: true, version: true, updatedAt: true, updatedById: true } })
    : null;
  if (!row) return { ...rulesFromStored(null), version: 0, customized: false, updatedAt: null, updatedByName: null };
  const author = withAuthor && row.updatedById ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return { ...rulesFromStored(row.rules), version: row.version, customized: true, updatedAt: row.updatedAt, updatedByName: author?.name ?? null };
}
