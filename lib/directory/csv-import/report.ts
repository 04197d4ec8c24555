// What an import says back, line by line (the import page shows it; POST /api/annuaire/import
// streams it). The format and rules are documented in lib/directory/import-structures-csv.ts.
export type ImportOutcome = "created" | "updated" | "unchanged" | "refused";
export type ImportLine = { line: number; outcome: ImportOutcome; key: string; name: string; reasons: string[]; fields: string[] };
export type ImportCounts = Record<ImportOutcome, number>;
export type ImportReport = { fileErrors: string[]; warnings: string[]; lines: ImportLine[]; counts: ImportCounts; durationMs: number };
export type ImportProgress = { phase: "lecture" | "verification" | "enregistrement"; done: number; total: number };
/** What POST /api/annuaire/import streams, one JSON object per line. */
export type ImportMessage = ({ type: "progress" } & ImportProgress) | { type: "report"; report: ImportReport } | { type: "error"; message: string };

export const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, refused: 0 });
