/*
 * CSV import of the directory (and the format of its export, lib/directory/export-structures-csv.ts).
 * The steps live in lib/directory/csv-import/: read.ts, plan.ts, write.ts, report.ts.
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
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { loadContext, planImport } from "@/lib/directory/csv-import/plan";
import { readCsv } from "@/lib/directory/csv-import/read";
import { emptyCounts, type ImportProgress, type ImportReport } from "@/lib/directory/csv-import/report";
import { CHUNK, recordImportEvents, writePlan } from "@/lib/directory/csv-import/write";

export type { ImportCounts, ImportLine, ImportMessage, ImportOutcome, ImportProgress, ImportReport } from "@/lib/directory/csv-import/report";
export { MAX_IMPORT_LINES } from "@/lib/directory/csv-import/read";

/**
 * Imports a CSV file of structures for a coordinator (their territories) or an admin, in three
 * steps: read (csv-import/read.ts), plan every line against the directory (csv-import/plan.ts),
 * write by chunks (csv-import/write.ts). Never throws for the file's content: everything wrong is
 * in the report.
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
  const report: ImportReport = { fileErrors: [], warnings: [], lines: [], counts: emptyCounts(), durationMs: 0 };
  const finish = () => {
    for (const l of report.lines) report.counts[l.outcome]++;
    report.durationMs = Math.round(performance.now() - started);
    return report;
  };

  const read = readCsv(csv);
  report.fileErrors = read.fileErrors;
  report.warnings = read.warnings;
  if (read.fileErrors.length) return finish();
  await onProgress?.({ phase: "lecture", done: read.lines.length, total: read.lines.length });

  const context = await loadContext(
    db,
    actor,
    read.lines.map((l) => l.record),
  );
  const plan = await planImport(context, read, onProgress);
  report.lines = plan.lines;

  await writePlan(db, actor, plan, { now, chunkSize, onProgress });
  await recordImportEvents(db, actor, plan.lines, plan.lineTerritories, context, now);
  return finish();
}
