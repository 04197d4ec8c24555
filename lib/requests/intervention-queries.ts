// The interventions of a request as its pages show them: all of them for the GP who filed it and
// the coordination, a team's own for a team (requestScope bounds the rows; never the ARS).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { InterventionKind } from "@/lib/generated/prisma/enums";

export type InterventionRow = {
  id: string;
  kind: InterventionKind;
  day: string; // YYYY-MM-DD, Paris calendar
  minutes: number;
  note: string | null;
  structureName: string | null; // null: the coordination
  recordedBy: string;
};

export async function listInterventions({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<InterventionRow[]> {
  assertCan(actor, actor.role === "GP" ? "requests.readOwn" : "requests.interventions");
  const request = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: { id: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const rows = await db.intervention.findMany({
    where: { requestId: request.id, ...(actor.role === "TEAM_MEMBER" ? { structureId: { in: actor.structureIds } } : {}) },
    orderBy: [{ day: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, day: true, minutes: true, note: true, structure: { select: { name: true } }, recordedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    day: r.day.toISOString().slice(0, 10),
    minutes: r.minutes,
    note: r.note,
    structureName: r.structure?.name ?? null,
    recordedBy: r.recordedBy.name,
  }));
}
