import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";

export type StructureSummary = { id: string; name: string; type: string; phone: string | null; territoryName: string | null };

// The structures a team member belongs to.
export async function listActorStructures(actor: Actor): Promise<StructureSummary[]> {
  if (actor.structureIds.length === 0) return [];
  const rows = await prisma.structure.findMany({
    where: { id: { in: actor.structureIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, type: true, phone: true, territoryId: true },
  });
  const territoryIds = [...new Set(rows.map((r) => r.territoryId).filter((id): id is string => Boolean(id)))];
  const territories = await prisma.territory.findMany({ where: { id: { in: territoryIds } }, select: { id: true, name: true } });
  const names = new Map(territories.map((t) => [t.id, t.name]));
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, phone: r.phone, territoryName: r.territoryId ? (names.get(r.territoryId) ?? null) : null }));
}
