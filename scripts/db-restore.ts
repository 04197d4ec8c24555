// npm run db:restore -- <file> — restores a backup of npm run db:backup into DATABASE_URL, or into
// the embedded database when it is unset. Only into an empty database: create one (createdb), or
// stop the app and empty it yourself — a restore never overwrites data by surprise.
import path from "node:path";
import { hasTables, restoreDatabase } from "./db/backup";
import { runDatabaseCommand } from "./db/with-database";
import { redactUrl } from "./db/server";

const file = process.argv[2];
if (!file) {
  console.error("Indiquez la sauvegarde à restaurer : npm run db:restore -- backups/maillage-….dump");
  process.exit(2);
}
await runDatabaseCommand(async (database) => {
  if (await hasTables(database.url)) {
    throw new Error(
      `${redactUrl(database.url)} n'est pas vide : la restauration se fait dans une base vide (créez-en une, ou videz celle-ci l'application arrêtée).`,
    );
  }
  console.log(`Restauration de ${path.resolve(file)} dans ${redactUrl(database.url)}…`);
  const started = Date.now();
  await restoreDatabase({ url: database.url, file: path.resolve(file) });
  console.log(`Restauration faite en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
});
