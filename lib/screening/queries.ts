// The screening grids of a request as its pages show them (clinical data: requestScope bounds the
// rows — the GP who filed it, the coordination, the teams it is shared with; never the ARS), and the
// latest answer of each grid for the routing (lib/routing/suggest-for-request.ts).
import { prisma, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { SCREENING_GRIDS, type ScreeningAnswers, type ScreeningGridId } from "@/lib/screening/grids";

export type ScreeningRow = { id: string; answers: ScreeningAnswers; score: number; recordedBy: string; recordedAt: Date; current: boolean };

type StoredRow = { id: string; grid: ScreeningGridId; version: number; answers: unknown; score: number; recordedAt: Date };

/** A stored row read with the definition of its own version. */
export function answersOf(row: Pick<StoredRow, "grid" | "version" | "answers">): ScreeningAnswers {
  return { grid: row.grid, version: row.version, answers: row.answers } as ScreeningAnswers;
}

/** Every answer of the request, latest first; `current`: the latest of its grid. */
export async function listScreenings({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<ScreeningRow[]> {
  assertCan(actor, "requests.screenings");
  const request = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: { id: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const rows = await db.screeningAnswer.findMany({
    where: { requestId: request.id },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    select: { id: true, grid: true, version: true, answers: true, score: true, recordedAt: true, recordedBy: { select: { name: true } } },
  });
  const seen = new Set<string>();
  return rows.map((r) => {
    const current = !seen.has(r.grid);
    seen.add(r.grid);
    return { id: r.id, answers: answersOf(r), score: r.score, recordedBy: r.recordedBy.name, recordedAt: r.recordedAt, current };
  });
}

/** The latest answer of each grid (no scope check: for callers that loaded the request through it). */
export async function currentScreenings(db: Db | Tx, requestId: string): Promise<ScreeningAnswers[]> {
  const rows = await db.screeningAnswer.findMany({
    where: { requestId },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    distinct: ["grid"],
    select: { grid: true, version: true, answers: true },
  });
  return SCREENING_GRIDS.flatMap((grid) => rows.filter((r) => r.grid === grid).map(answersOf));
}
