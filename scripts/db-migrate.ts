// npm run db:migrate — applies pending migrations (like `prisma migrate deploy`) to DATABASE_URL,
// or, when it is unset, to the embedded development database in .data/postgres, started and
// stopped for the occasion (or reused if `npm run dev` already runs it). Exits non-zero when it
// refuses (an edited or failed migration): a deploy script must not carry on.
import { applyMigrations } from "./db/migrations";
import { runDatabaseCommand } from "./db/with-database";
import { redactUrl } from "./db/server";

const started = Date.now();
await runDatabaseCommand(async (database) => {
  console.log(`Migrating ${redactUrl(database.url)}`);
  const applied = await applyMigrations({ connectionString: database.url, log: (m) => console.log(`  ${m}`) });
  console.log(applied.length ? `${applied.length} migration(s) applied in ${Date.now() - started} ms.` : "Already up to date.");
});
