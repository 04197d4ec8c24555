// Writing a planned import: by chunks of lines, each in one transaction with its events; a chunk
// that fails is replayed line by line so that only the faulty line is refused.
import type { Db, Tx } from "@/lib/db";
import { recordEvent, ZEvent, type AuditEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { createColumns, updateOnVersion } from "@/lib/directory/structure-data";
import { toAppError } from "@/lib/errors";
import type { Context, ImportPlan, Planned } from "@/lib/directory/csv-import/plan";
import { emptyCounts, type ImportCounts, type ImportLine, type ImportProgress } from "@/lib/directory/csv-import/report";

export const CHUNK = 200;

/** Writes the plan; a line whose write fails is turned into a refused line of the report. */
export async function writePlan(
  db: Db,
  actor: Actor,
  plan: ImportPlan,
  { now, chunkSize, onProgress }: { now: Date; chunkSize: number; onProgress?: (progress: ImportProgress) => void | Promise<void> },
): Promise<void> {
  let done = 0;
  for (let i = 0; i < plan.planned.length; i += chunkSize) {
    const chunk = plan.planned.slice(i, i + chunkSize);
    try {
      await db.$transaction((tx) => writeChunk(tx, actor, chunk, now), { maxWait: 10_000, timeout: 60_000 });
    } catch {
      for (const p of chunk) {
        try {
          await db.$transaction((tx) => writeChunk(tx, actor, [p], now));
        } catch (error) {
          const line = plan.lines[p.index]!;
          line.outcome = "refused";
          line.fields = [];
          line.reasons = [writeFailure(error)];
        }
      }
    }
    done += chunk.length;
    await onProgress?.({ phase: "enregistrement", done, total: plan.planned.length });
  }
}

// A chunk in a few statements: one multi-row insert for the new structures, one for their offers,
// one for all the events; updates one by one (each on its own version). Events are checked against
// the typed union (lib/audit.ts ZEvent) exactly as recordEvent does, then inserted together: 5,000
// lines are then ~100 round trips instead of ~15,000.
async function writeChunk(tx: Tx, actor: Actor, chunk: Planned[], now: Date): Promise<void> {
  const events: AuditEvent[] = [];
  const creates = chunk.filter((p): p is Planned & { kind: "create" } => p.kind === "create");
  if (creates.length) {
    const rows = await tx.structure.createManyAndReturn({ data: creates.map((p) => createColumns(p.data)), select: { id: true, externalId: true } });
    const idByKey = new Map(rows.map((r) => [r.externalId, r.id]));
    const offers = creates.flatMap((p) => p.data.offers.map((o) => ({ structureId: idByKey.get(p.data.externalId)!, ...o })));
    if (offers.length) await tx.structureOffer.createMany({ data: offers });
    for (const row of rows) events.push({ type: "directory.structure_created", subjectType: "structure", subjectId: row.id, data: { source: "csv" } });
  }
  for (const p of chunk) {
    if (p.kind !== "update") continue;
    await updateOnVersion(tx, p.row.id, p.row.version, p.changes);
    events.push({ type: "directory.structure_updated", subjectType: "structure", subjectId: p.row.id, data: { fields: p.fields, source: "csv" } });
  }
  if (events.length) {
    await tx.event.createMany({
      data: events
        .map((e) => ZEvent.parse(e))
        .map((e) => ({ type: e.type, actorId: actor.id, at: now, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data })),
    });
  }
}

function writeFailure(error: unknown): string {
  const appError = toAppError(error);
  if (appError.code === "CONFLICT" && /modifiée/.test(appError.message))
    return "Cette structure a été modifiée pendant l'import : réimportez le fichier pour reprendre sa version actuelle.";
  if (appError.code === "CONFLICT") return "Identifiant externe ou numéro FINESS pris entre-temps par une autre structure (import simultané ?).";
  return "Enregistrement impossible pour cette ligne ; réessayez dans un instant.";
}

// One csv_imported event per territory touched (a coordinator) or for "all" (an admin), only when
// the import changed something: a second import of the same file leaves no trace at all.
export async function recordImportEvents(
  db: Db,
  actor: Actor,
  lines: ImportLine[],
  lineTerritories: (string | null)[],
  ctx: Context,
  now: Date,
): Promise<void> {
  const counts = new Map<string, ImportCounts>();
  lines.forEach((l, index) => {
    const territory = lineTerritories[index] ?? null;
    const subject = actor.role === "ADMIN" ? "all" : territory && ctx.scope?.has(territory) ? territory : null;
    if (!subject) return;
    const c = counts.get(subject) ?? emptyCounts();
    c[l.outcome]++;
    counts.set(subject, c);
  });
  const changed = [...counts].filter(([, c]) => c.created + c.updated > 0);
  if (changed.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const [subject, c] of changed) {
      await recordEvent(
        tx,
        actor.id,
        {
          type: "directory.csv_imported",
          subjectType: "territory",
          subjectId: subject,
          data: { created: c.created, updated: c.updated, unchanged: c.unchanged, rejected: c.refused },
        },
        now,
      );
    }
  });
}
