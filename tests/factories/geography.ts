import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadReferenceGeography } from "@/lib/geography/load-reference";
import { loadDemoTerritories } from "@/lib/geography/demo-territories";

// Reference geography survives truncateAll(); load it only when the table is empty.
export async function ensureReferenceGeography(db: PrismaClient): Promise<void> {
  if ((await db.commune.count()) === 0) await loadReferenceGeography({ prisma: db });
}

// The demo territories by slug (after the reference geography).
export async function loadTerritories(db: PrismaClient): Promise<Record<string, string>> {
  await ensureReferenceGeography(db);
  const loaded = await loadDemoTerritories({ prisma: db });
  return Object.fromEntries(loaded.map((t) => [t.slug, t.id]));
}
