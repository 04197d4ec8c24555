/*
 * CSV import of the directory (and the format of its export, lib/directory/export-structures-csv.ts).
 *
 * ## Format
 * - Semicolon-separated (a comma or a tab is detected too), UTF-8 with or without BOM (a file saved
 *   by Excel as "CSV (séparateur : point-virgule)", in Windows-1252, is read too). The export writes
 *   UTF-8 with a BOM and CRLF line ends, so that Excel opens it with its accents.
 * - First line: the column headers below (case, accents and spaces ignored: "Identifiant externe"
 *   = identifiant_externe). Unknown columns are ignored, and said in the report.
 * - One structure per line. Lists inside a cell are separated by commas (or "|").
 *
 * | column | content |
 * |---|---|
 * | identifiant_externe | the stable key of the line (letters, digits, . _ : -); required unless finess is given |
 * | nom | name (required) |
 * | type | emsp, had, ssiad, reseau_palliatif, reseau_sante, usp, lisp, consultation_douleur, hdj_palliatif, errspp, psychologue, dieteticien, assistant_social, kinesitherapeute, benevoles, cpts, autre (required) |
 * | finess | 9 characters, key checked (2A / 2B for Corsica) |
 * | territoire | slug of the territory that administers the entry (meuse-sud...); a coordinator imports only into their own territories |
 * | commune_adresse | INSEE code of the address commune (55029) |
 * | adresse | street address |
 * | communes_couvertes | INSEE codes of communes covered |
 * | departements_couverts | codes of whole départements covered (55, 2A, 974) |
 * | territoires_couverts | slugs of whole territories covered |
 * | publics | adultes, enfants (default: adultes) |
 * | offres_domicile, offres_ehpad, offres_hopital, offres_autre_lieu | the needs served in that care setting: douleur, symptomes, soins_palliatifs, psy_patient, psy_proches, nutrition, social, activite_physique, soins_domicile, repit, ethique |
 * | telephone | direct line (10 digits, or +33) |
 * | messagerie_securisee | secure (MSSanté) e-mail |
 * | horaires | "lun-ven 08:30-12:00, 13:30-17:30; sam 09:00-12:00" (days lun mar mer jeu ven sam dim; days not named are closed) |
 * | precision_horaires | free text (on-call, who to call outside hours) |
 * | astreinte_24h | oui / non |
 * | referent_nom, referent_telephone, suppleant_nom, suppleant_telephone | named referent and backup, direct lines |
 * | lits | number of beds (USP, LISP) |
 * | capacite | disponible, liste_attente, complet, evaluation_prealable (default: disponible) |
 * | capacite_depuis, capacite_confirmee_le | dates jj/mm/aaaa |
 * | description | free text |
 * | active | oui / non (default: oui) |
 * Database codes (EMSP, PAIN, WAITING_LIST...) are accepted wherever a French code is.
 *
 * ## Rules
 * - Each line is matched to an existing structure by identifiant_externe, else by finess (an entry
 *   with that FINESS and no external id is adopted); otherwise it is created. Columns absent from the
 *   file keep the structure's current values (so a file with only identifiant_externe, nom, type and
 *   telephone updates phones); an empty cell empties the value.
 * - Every line is validated whole (the same schema as the form, plus: communes, départements and
 *   territories that exist; a FINESS or an external id used once; the importer's scope). A refused
 *   line changes nothing and the report says why, by column, in French; the other lines are kept.
 * - A line equal to the structure is "unchanged": no write, no event. Importing the same file twice:
 *   the second time every line is unchanged, and no event is written at all.
 * - Writes go by chunks of 200 lines, each in one transaction with its events; a chunk that fails
 *   (someone edited a structure meanwhile, a concurrent import took a FINESS) is replayed line by
 *   line, so that only the faulty line is refused. Updates are made on the version read at the start
 *   of the import: a structure edited in between is refused ("modifiée pendant l'import"), never
 *   overwritten.
 * - Events: directory.structure_created / structure_updated (source "csv") per line, and one
 *   directory.csv_imported with the counts (per territory for a coordinator, "all" for an admin)
 *   when something changed.
 * - Export (coordinators: their territories; admins: everything, inactive included) → import gives
 *   every line "unchanged".
 */
import { parse } from "csv-parse/sync";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent, ZEvent, type AuditEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { generateExternalId } from "@/lib/directory/create-structure";
import { CSV_COLUMNS, parseCsvRecord, REQUIRED_COLUMNS, toCsvRecord, type CsvColumn, type CsvRecord } from "@/lib/directory/csv-row";
import type { TStructureData } from "@/lib/directory/schemas";
import { changedFields, createColumns, STRUCTURE_DATA_SELECT, toStructureData, updateOnVersion, type StructureRow } from "@/lib/directory/structure-data";
import { toAppError } from "@/lib/errors";

export type ImportOutcome = "created" | "updated" | "unchanged" | "refused";
export type ImportLine = { line: number; outcome: ImportOutcome; key: string; name: string; reasons: string[]; fields: string[] };
export type ImportCounts = Record<ImportOutcome, number>;
export type ImportReport = { fileErrors: string[]; warnings: string[]; lines: ImportLine[]; counts: ImportCounts; durationMs: number };
export type ImportProgress = { phase: "lecture" | "verification" | "enregistrement"; done: number; total: number };
/** What POST /api/annuaire/import streams, one JSON object per line. */
export type ImportMessage = ({ type: "progress" } & ImportProgress) | { type: "report"; report: ImportReport } | { type: "error"; message: string };

export const MAX_IMPORT_LINES = 50_000;
const CHUNK = 200;
const LOOKUP_CHUNK = 1000;

const fold = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s'’-]+/g, "_");
const COLUMN_BY_FOLDED = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [fold(c), c]));

/** Bytes → text: UTF-8 (BOM or not), else Windows-1252 (Excel's "CSV" on a French Windows). */
export function decodeCsv(input: string | Uint8Array): string {
  if (typeof input === "string") return input.replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(input);
  }
}

function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [";", ",", "\t"].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ";";
}

type PlannedWrite =
  | { kind: "create"; data: TStructureData; territoryId: string | null }
  | { kind: "update"; row: StructureRow; changes: Partial<TStructureData>; fields: string[]; territoryId: string | null };
type Planned = PlannedWrite & { index: number };

const empty = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, refused: 0 });

/**
 * Imports a CSV file of structures for a coordinator (their territories) or an admin. Never throws
 * for the file's content: everything wrong is in the report.
 */
export async function importStructuresCsv({
  actor,
  csv,
  db = prisma,
  now = new Date(),
  onProgress,
  chunkSize = CHUNK,
}: {
  actor: Actor;
  csv: string | Uint8Array;
  db?: Db;
  now?: Date;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  chunkSize?: number;
}): Promise<ImportReport> {
  assertCan(actor, "directory.import");
  const started = performance.now();
  const report: ImportReport = { fileErrors: [], warnings: [], lines: [], counts: empty(), durationMs: 0 };
  const finish = () => {
    report.counts = empty();
    for (const l of report.lines) report.counts[l.outcome]++;
    report.durationMs = Math.round(performance.now() - started);
    return report;
  };

  // ——— Read ———
  const text = decodeCsv(csv);
  const rows: { line: number; cells: string[] }[] = [];
  let lastLine = 0;
  let parsedUpTo = 0; // the last line of the last record read, as the parser goes
  let unreadable: { line: number; message: string } | null = null;
  try {
    const parsed = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      info: true,
      on_record: (record, context) => {
        parsedUpTo = context.lines;
        return record;
      },
      on_skip: (err) => {
        if (err)
          unreadable ??= { line: parsedUpTo + 1, message: err.code === "CSV_QUOTE_NOT_CLOSED" ? "un guillemet ouvert n'est jamais refermé" : err.message };
        return undefined;
      },
    }) as unknown as { info: { lines: number }; record: string[] }[];
    for (const { info, record } of parsed) {
      const start = lastLine + 1;
      lastLine = info.lines;
      if (record.length === 1 && record[0]!.trim() === "") continue; // an empty line
      rows.push({ line: start, cells: record });
    }
  } catch (error) {
    report.fileErrors.push(`Le fichier n'a pas pu être lu : ${(error as Error).message}`);
    return finish();
  }
  const [header, ...body] = rows;
  if (!header) {
    report.fileErrors.push("Le fichier est vide : la première ligne doit porter les noms de colonnes (exportez l'annuaire pour avoir un modèle).");
    return finish();
  }
  const columns = header.cells.map((h) => COLUMN_BY_FOLDED.get(fold(h)) ?? null);
  const unknown = header.cells.filter((_, i) => columns[i] === null && header.cells[i]!.trim() !== "");
  if (unknown.length) report.warnings.push(`Colonnes ignorées (inconnues) : ${unknown.join(", ")}.`);
  const present = new Set(columns.filter((c): c is CsvColumn => c !== null));
  const duplicated = columns.filter((c, i) => c !== null && columns.indexOf(c) !== i);
  if (duplicated.length) report.fileErrors.push(`Colonnes en double : ${[...new Set(duplicated)].join(", ")}.`);
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c) && !(c === "identifiant_externe" && present.has("finess")));
  if (missing.length)
    report.fileErrors.push(
      `Colonnes obligatoires absentes : ${missing.join(", ")} (la première ligne doit porter les noms de colonnes ; exportez l'annuaire pour avoir un modèle).`,
    );
  if (body.length > MAX_IMPORT_LINES)
    report.fileErrors.push(`Trop de lignes : ${body.length} (${MAX_IMPORT_LINES} au plus par fichier) ; découpez le fichier.`);
  if (report.fileErrors.length) return finish();
  await onProgress?.({ phase: "lecture", done: body.length, total: body.length });

  // ——— Check every line against the directory as it is ———
  const records = body.map(({ line, cells }) => {
    const record: CsvRecord = {};
    columns.forEach((column, i) => {
      if (column) record[column] = (cells[i] ?? "").trim();
    });
    return { line, cells, record };
  });
  const context = await loadContext(
    db,
    actor,
    records.map((r) => r.record),
  );
  const planned: Planned[] = [];
  // The territory each line is about (for the per-territory import events), when known.
  const lineTerritories: (string | null)[] = [];
  const seenKeys = new Map<string, number>();
  const seenFiness = new Map<string, number>();
  for (const { line, cells, record } of records) {
    const result: ImportLine = {
      line,
      outcome: "refused",
      key: record.identifiant_externe || record.finess || "",
      name: record.nom ?? "",
      reasons: [],
      fields: [],
    };
    report.lines.push(result);
    if (cells.length !== header.cells.length) {
      result.reasons.push(
        `La ligne compte ${cells.length} colonne${cells.length > 1 ? "s" : ""} au lieu de ${header.cells.length} (un point-virgule en trop ou en moins ? mettez entre guillemets un texte qui en contient).`,
      );
      continue;
    }
    const plan = planLine(context, record, result, seenKeys, seenFiness, line);
    lineTerritories[report.lines.length - 1] = plan.territoryId;
    if (plan.write) planned.push({ ...plan.write, index: report.lines.length - 1 });
    if (report.lines.length % 500 === 0) await onProgress?.({ phase: "verification", done: report.lines.length, total: records.length });
  }
  if (unreadable) {
    const u = unreadable as { line: number; message: string };
    report.lines.push({
      line: u.line,
      outcome: "refused",
      key: "",
      name: "",
      reasons: [`Ligne illisible : ${u.message} ; la suite du fichier n'a pas pu être lue.`],
      fields: [],
    });
  }
  await onProgress?.({ phase: "verification", done: records.length, total: records.length });

  // ——— Write, by chunks; a failed chunk is replayed line by line ———
  let done = 0;
  for (let i = 0; i < planned.length; i += chunkSize) {
    const chunk = planned.slice(i, i + chunkSize);
    try {
      await db.$transaction((tx) => writeChunk(tx, actor, chunk, now), { maxWait: 10_000, timeout: 60_000 });
    } catch {
      for (const p of chunk) {
        try {
          await db.$transaction((tx) => writeChunk(tx, actor, [p], now));
        } catch (error) {
          const line = report.lines[p.index]!;
          line.outcome = "refused";
          line.fields = [];
          line.reasons = [writeFailure(error)];
        }
      }
    }
    done += chunk.length;
    await onProgress?.({ phase: "enregistrement", done, total: planned.length });
  }
  await recordImportEvents(db, actor, report, lineTerritories, context, now);
  return finish();
}

type Context = {
  byExternalId: Map<string, StructureRow>;
  byFiness: Map<string, StructureRow>;
  byId: Map<string, StructureRow>;
  territoryBySlug: Map<string, string>;
  slugById: Map<string, string>;
  communes: Set<string>;
  departments: Set<string>;
  scope: Set<string> | null; // territories the actor may import into; null = all (admin)
};

async function loadContext(db: Db, actor: Actor, records: CsvRecord[]): Promise<Context> {
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
async function recordImportEvents(db: Db, actor: Actor, report: ImportReport, lineTerritories: (string | null)[], ctx: Context, now: Date): Promise<void> {
  const counts = new Map<string, ImportCounts>();
  report.lines.forEach((l, index) => {
    const territory = lineTerritories[index] ?? null;
    const subject = actor.role === "ADMIN" ? "all" : territory && ctx.scope?.has(territory) ? territory : null;
    if (!subject) return;
    const c = counts.get(subject) ?? empty();
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
