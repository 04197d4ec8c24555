// npm run db:backup [-- <file>] — a backup of DATABASE_URL, or of the embedded database when it is
// unset, in pg_dump's custom format. By default backups/maillage-<date>-<time>.dump (Paris time).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { wallClock } from "@/lib/time";
import { backupDatabase } from "./db/backup";
import { runDatabaseCommand } from "./db/with-database";
import { redactUrl } from "./db/server";

const now = new Date();
const w = wallClock(now);
const two = (n: number) => String(n).padStart(2, "0");
const stamp = `${w.y}${two(w.m)}${two(w.d)}-${two(w.hh)}${two(w.mm)}`;
const file = path.resolve(process.argv[2] ?? `backups/maillage-${stamp}.dump`);
await runDatabaseCommand(async (database) => {
  await mkdir(path.dirname(file), { recursive: true });
  console.log(`Sauvegarde de ${redactUrl(database.url)} dans ${file}…`);
  const started = Date.now();
  await backupDatabase({ url: database.url, file });
  console.log(`Sauvegarde faite en ${((Date.now() - started) / 1000).toFixed(1)} s. Gardez-la hors de cette machine (voir le README).`);
});
