// npm run db:migrate — applies pending migrations (like `prisma migrate deploy`) to DATABASE_URL,
// or, when it is unset, to the embedded development database in .data/postgres, started and
// stopped for the occasion (or reused if `npm run dev` already runs it).
import { startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/migrations";
import { redactUrl } from "./db/server";

const started = Date.now();
const server = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: ".data/postgres" });
try {
  console.log(`Migrating ${redactUrl(server.url)}`);
  const applied = await applyMigrations({ connectionString: server.url, log: (m) => console.log(`  ${m}`) });
  console.log(applied.length ? `${applied.length} migration(s) applied in ${Date.now() - started} ms.` : "Already up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server.stop();
}
