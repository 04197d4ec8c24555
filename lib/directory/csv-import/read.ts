// Reading a CSV file of structures: bytes → text → header and records, everything wrong said in
// French. No database here.
import { parse } from "csv-parse/sync";
import { CSV_COLUMNS, REQUIRED_COLUMNS, type CsvColumn, type CsvRecord } from "@/lib/directory/csv-row";

export const MAX_IMPORT_LINES = 50_000;

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

export type CsvLine = { line: number; cells: string[]; record: CsvRecord };
export type ReadCsv = {
  fileErrors: string[];
  warnings: string[];
  /** How many cells the header has: a line with another count is refused. */
  headerLength: number;
  lines: CsvLine[];
  /** Where the parser stopped (an unclosed quote): the rest of the file could not be read. */
  unreadable: { line: number; message: string } | null;
};

export function readCsv(csv: string | Uint8Array): ReadCsv {
  const result: ReadCsv = { fileErrors: [], warnings: [], headerLength: 0, lines: [], unreadable: null };
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
    result.fileErrors.push(`Le fichier n'a pas pu être lu : ${(error as Error).message}`);
    return result;
  }
  result.unreadable = unreadable;
  const [header, ...body] = rows;
  if (!header) {
    result.fileErrors.push("Le fichier est vide : la première ligne doit porter les noms de colonnes (exportez l'annuaire pour avoir un modèle).");
    return result;
  }
  result.headerLength = header.cells.length;
  const columns = header.cells.map((h) => COLUMN_BY_FOLDED.get(fold(h)) ?? null);
  const unknown = header.cells.filter((_, i) => columns[i] === null && header.cells[i]!.trim() !== "");
  if (unknown.length) result.warnings.push(`Colonnes ignorées (inconnues) : ${unknown.join(", ")}.`);
  const present = new Set(columns.filter((c): c is CsvColumn => c !== null));
  const duplicated = columns.filter((c, i) => c !== null && columns.indexOf(c) !== i);
  if (duplicated.length) result.fileErrors.push(`Colonnes en double : ${[...new Set(duplicated)].join(", ")}.`);
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c) && !(c === "identifiant_externe" && present.has("finess")));
  if (missing.length)
    result.fileErrors.push(
      `Colonnes obligatoires absentes : ${missing.join(", ")} (la première ligne doit porter les noms de colonnes ; exportez l'annuaire pour avoir un modèle).`,
    );
  if (body.length > MAX_IMPORT_LINES)
    result.fileErrors.push(`Trop de lignes : ${body.length} (${MAX_IMPORT_LINES} au plus par fichier) ; découpez le fichier.`);
  if (result.fileErrors.length) return result;
  result.lines = body.map(({ line, cells }) => {
    const record: CsvRecord = {};
    columns.forEach((column, i) => {
      if (column) record[column] = (cells[i] ?? "").trim();
    });
    return { line, cells, record };
  });
  return result;
}
