// Planning an import: every line checked against the directory as it is (one read of the
// structures, communes, départements and territories the file names), and what to write for it.
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { generateExternalId } from "@/lib/directory/create-structure";
import { parseCsvRecord, toCsvRecord, type CsvColumn, type CsvRecord } from "@/lib/directory/csv-row";
import type { TStructureData } from "@/lib/directory/schemas";
import { changedFields, STRUCTURE_DATA_SELECT, toStructureData, type StructureRow } from "@/lib/directory/structure-data";
import type { ImportLine, ImportProgress } from "@/lib/directory/csv-import/report";
import type { ReadCsv } from "@/lib/directory/csv-import/read";

const LOOKUP_CHUNK = 1000;

export type PlannedWrite =
  | { kind: "create"; data: TStructureData; territoryId: string | null }
  | { kind: "update"; row: StructureRow; changes: Partial<TStructureData>; fields: string[]; territoryId: string | null };
export type Planned = PlannedWrite & { index: number };

export type ImportPlan = {
  lines: ImportLine[];
  planned: Planned[];
  /** The territory each line is about (for the per-territory import events), when known. */
  lineTerritories: (string | null)[];
};

export async function planImport(ctx: Context, read: ReadCsv, onProgress?: (progress: ImportProgress) => void | Promise<void>): Promise<ImportPlan> {
  const plan: ImportPlan = { lines: [], planned: [], lineTerritories: [] };
  const seenKeys = new Map<string, number>();
  const seenFiness = new Map<string, number>();
  for (const { line, cells, record } of read.lines) {
    const result: ImportLine = {
      line,
      outcome: "refused",
      key: record.identifiant_externe || record.finess || "",
      name: record.nom ?? "",
      reasons: [],
      fields: [],
    };
    plan.lines.push(result);
    if (cells.length !== read.headerLength) {
      result.reasons.push(
        `La ligne compte ${cells.length} colonne${cells.length > 1 ? "s" : ""} au lieu de ${read.headerLength} (un point-virgule en trop ou en moins ? mettez entre guillemets un texte qui en contient).`,
      );
      continue;
    }
    const linePlan = planLine(ctx, record, result, seenKeys, seenFiness, line);
    plan.lineTerritories[plan.lines.length - 1] = linePlan.territoryId;
    if (linePlan.write) plan.planned.push({ ...linePlan.write, index: plan.lines.length - 1 });
    if (plan.lines.length % 500 === 0) await onProgress?.({ phase: "verification", done: plan.lines.length, total: read.lines.length });
  }
  if (read.unreadable) {
    plan.lines.push({
      line: read.unreadable.line,
      outcome: "refused",
      key: "",
      name: "",
      reasons: [`Ligne illisible : ${read.unreadable.message} ; la suite du fichier n'a pas pu être lue.`],
      fields: [],
    });
  }
  await onProgress?.({ phase: "verification", done: read.lines.length, total: read.lines.length });
  return plan;
}

export type Context = {
  byExternalId: Map<string, StructureRow>;
  byFiness: Map<string, StructureRow>;
  byId: Map<string, StructureRow>;
  territoryBySlug: Map<string, string>;
  slugById: Map<string, string>;
  communes: Set<string>;
  departments: Set<string>;
  scope: Set<string> | null; // territories the actor may import into; null = all (admin)
};

export async function loadContext(db: Db, actor: Actor, records: CsvRecord[]): Promise<Context> {
  const keys = [...new Set(records.map((r) => r.identifiant_externe ?? "").filter(Boolean))];
  const finess = [...new Set(records.map((r) => (r.finess ?? "").replace(/[\s.-]/g, "").toUpperCase()).filter(Boolean))];
  const communeCodes = [
    ...new Set(
      records
        .flatMap((r) => [...(r.communes_couvertes ?? "").split(/[\s,;|]+/), r.commune_adresse ?? ""])
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const structures: StructureRow[] = [];
  for (let i = 0; i < Math.max(keys.length, finess.length); i += LOOKUP_CHUNK) {
    const k = keys.slice(i, i + LOOKUP_CHUNK);
    const f = finess.slice(i, i + LOOKUP_CHUNK);
    structures.push(
      ...(await db.structure.findMany({
        where: { OR: [{ externalId: { in: k } }, { finess: { in: f } }, { id: { in: k }, externalId: null }] },
        select: STRUCTURE_DATA_SELECT,
      })),
    );
  }
  const knownCommunes: string[] = [];
  for (let i = 0; i < communeCodes.length; i += 5000) {
    knownCommunes.push(...(await db.commune.findMany({ where: { code: { in: communeCodes.slice(i, i + 5000) } }, select: { code: true } })).map((c) => c.code));
  }
  const [territories, departments] = await Promise.all([
    db.territory.findMany({ select: { id: true, slug: true } }),
    db.department.findMany({ select: { code: true } }),
  ]);
  return {
    byExternalId: new Map(structures.filter((s) => s.externalId).map((s) => [s.externalId!, s])),
    byFiness: new Map(structures.filter((s) => s.finess).map((s) => [s.finess!, s])),
    byId: new Map(structures.filter((s) => !s.externalId).map((s) => [s.id, s])),
    territoryBySlug: new Map(territories.map((t) => [t.slug, t.id])),
    slugById: new Map(territories.map((t) => [t.id, t.slug])),
    communes: new Set(knownCommunes),
    departments: new Set(departments.map((d) => d.code)),
    scope: actor.role === "ADMIN" ? null : new Set(actor.territoryIds),
  };
}

/** A structure as a CSV line: the base a line's present columns are laid over. */
function rowAsRecord(row: StructureRow, slugById: Map<string, string>): Record<CsvColumn, string> {
  const data = toStructureData(row);
  return toCsvRecord({
    ...data,
    territorySlug: data.territoryId ? (slugById.get(data.territoryId) ?? null) : null,
    coverageTerritorySlugs: data.coverageTerritoryIds.map((id) => slugById.get(id) ?? id),
  });
}

type LinePlan = { write: PlannedWrite | null; territoryId: string | null };

function planLine(ctx: Context, record: CsvRecord, result: ImportLine, seenKeys: Map<string, number>, seenFiness: Map<string, number>, line: number): LinePlan {
  const reasons = result.reasons;
  const key = record.identifiant_externe ?? "";
  const finess = (record.finess ?? "").replace(/[\s.-]/g, "").toUpperCase();

  // Which structure the line is about.
  let existing: StructureRow | undefined;
  let legacy = false; // an entry without external id, exported under its internal id
  if (key) {
    existing = ctx.byExternalId.get(key);
    if (!existing && ctx.byId.has(key)) {
      existing = ctx.byId.get(key);
      legacy = true;
    }
    if (!existing && finess) {
      const holder = ctx.byFiness.get(finess);
      if (holder?.externalId) {
        reasons.push(`finess : ce numéro est déjà celui de « ${holder.name} » (identifiant ${holder.externalId}).`);
        return { write: null, territoryId: holder.territoryId };
      }
      existing = holder; // adopted: it gets this line's external id
    }
  } else if (finess) {
    existing = ctx.byFiness.get(finess);
  }

  // The line laid over the structure: columns absent from the file keep their values.
  const base: CsvRecord = existing ? rowAsRecord(existing, ctx.slugById) : {};
  const merged: CsvRecord = { ...base, ...record };
  const hadCoverage = !existing || existing.coverageCommuneCodes.length + existing.coverageDepartmentCodes.length + existing.coverageTerritoryIds.length > 0;
  const parsed = parseCsvRecord(merged, { requireCoverage: hadCoverage });
  if (!parsed.ok) {
    reasons.push(...parsed.errors);
    return { write: null, territoryId: existing?.territoryId ?? ctx.territoryBySlug.get(merged.territoire ?? "") ?? null };
  }
  const { territorySlug, coverageTerritorySlugs, ...parsedRest } = parsed.data;
  // A legacy entry keeps having no external id (its internal id is only the export's key for it).
  const rest = legacy ? { ...parsedRest, externalId: null } : parsedRest;
  const territoryId = territorySlug ? ctx.territoryBySlug.get(territorySlug) : null;
  if (territoryId === undefined) reasons.push(`territoire : « ${territorySlug} » inconnu (valeurs possibles : ${[...ctx.territoryBySlug.keys()].join(", ")}).`);
  const unknownTerritories = coverageTerritorySlugs.filter((s) => !ctx.territoryBySlug.has(s));
  if (unknownTerritories.length)
    reasons.push(`territoires_couverts : inconnus : ${unknownTerritories.join(", ")} (valeurs possibles : ${[...ctx.territoryBySlug.keys()].join(", ")}).`);
  const unknownCommunes = [...rest.coverageCommuneCodes].filter((c) => !ctx.communes.has(c));
  if (unknownCommunes.length)
    reasons.push(`communes_couvertes : codes INSEE inconnus : ${unknownCommunes.slice(0, 10).join(", ")}${unknownCommunes.length > 10 ? "…" : ""}.`);
  if (rest.addressCommuneCode && !ctx.communes.has(rest.addressCommuneCode)) reasons.push(`commune_adresse : code INSEE inconnu : ${rest.addressCommuneCode}.`);
  const unknownDepartments = rest.coverageDepartmentCodes.filter((d) => !ctx.departments.has(d));
  if (unknownDepartments.length) reasons.push(`departements_couverts : inconnus : ${unknownDepartments.join(", ")}.`);

  // Scope: a coordinator creates and changes only structures of their territories.
  if (ctx.scope) {
    const mine = [...ctx.scope]
      .map((id) => ctx.slugById.get(id))
      .filter(Boolean)
      .join(", ");
    if (existing && !(existing.territoryId && ctx.scope.has(existing.territoryId))) {
      reasons.push(`Cette structure est gérée par un autre territoire : vous ne pouvez la modifier (vos territoires : ${mine || "aucun"}).`);
    } else if (territoryId !== undefined && !(territoryId && ctx.scope.has(territoryId))) {
      reasons.push(`territoire : indiquez l'un de vos territoires (${mine || "aucun"}).`);
    }
  }

  // Keys used once in the file.
  const externalId = rest.externalId;
  if (externalId) {
    const first = seenKeys.get(externalId);
    if (first !== undefined) reasons.push(`identifiant_externe : déjà utilisé à la ligne ${first} du fichier.`);
    else seenKeys.set(externalId, line);
  }
  if (rest.finess) {
    const first = seenFiness.get(rest.finess);
    if (first !== undefined) reasons.push(`finess : déjà utilisé à la ligne ${first} du fichier.`);
    else seenFiness.set(rest.finess, line);
    const holder = ctx.byFiness.get(rest.finess);
    if (holder && holder.id !== existing?.id)
      reasons.push(`finess : ce numéro est déjà celui de « ${holder.name} »${holder.externalId ? ` (identifiant ${holder.externalId})` : ""}.`);
  }
  if (reasons.length) return { write: null, territoryId: existing?.territoryId ?? territoryId ?? null };

  const data: TStructureData = {
    ...rest,
    territoryId: territoryId ?? null,
    coverageTerritoryIds: coverageTerritorySlugs.map((s) => ctx.territoryBySlug.get(s)!).sort(),
  };
  result.name = data.name;
  if (!existing) {
    result.outcome = "created";
    return {
      write: { kind: "create", data: { ...data, externalId: data.externalId ?? generateExternalId() }, territoryId: data.territoryId },
      territoryId: data.territoryId,
    };
  }
  const fields = changedFields(toStructureData(existing), data);
  if (fields.length === 0) {
    result.outcome = "unchanged";
    return { write: null, territoryId: data.territoryId };
  }
  result.outcome = "updated";
  result.fields = fields;
  return {
    write: { kind: "update", row: existing, changes: Object.fromEntries(fields.map((f) => [f, data[f]])), fields, territoryId: data.territoryId },
    territoryId: data.territoryId,
  };
}
