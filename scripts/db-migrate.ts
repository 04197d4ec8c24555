// npm run db:migrate — applies pending migrations (like `prisma migrate deploy`) to DATABASE_URL,
// or, when it is unset, to the embedded development database in .data/postgres, started and
// stopped for the occasion (or reused if `npm run dev` already runs it). Exits non-zero when it
// refuses (an edited or failed migration): a deploy script must not carry on.
import { applyMigrations } from "./db/migrations";
import { openAppDatabase } from "./db/with-database";
import { redactUrl } from "./db/server";

const started = Date.now();
const database = await openAppDatabase().catch((error: unknown) => {
  // A bad setting or a database that cannot start: its message, not a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
let code = 0;
try {
  console.log(`Migrating ${redactUrl(database.url)}`);
  const applied = await applyMigrations({ connectionString: database.url, log: (m) => console.log(`  ${m}`) });
  console.log(applied.length ? `${applied.length} migration(s) applied in ${Date.now() - started} ms.` : "Already up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
