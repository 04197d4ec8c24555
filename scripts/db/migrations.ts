// Applies prisma/migrations/* exactly as `prisma migrate deploy` does, without the native schema
// engine (which cannot be downloaded here). A database migrated by this file is seen as up to date
// by the real Prisma CLI, and vice versa: same lock, same table, same checksums.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Prisma's advisory lock key: concurrent deploys (ours or Prisma's) wait for each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

/** SHA-256 hex of the script, as Prisma records it in `_prisma_migrations.checksum`. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Like Prisma: a checkout with other line endings (git on Windows) is not an edit. */
function matchesChecksum(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}

/** The migration folders, in name (= timestamp) order, with their script. */
export async function readMigrations(migrationsDir = "prisma/migrations"): Promise<Migration[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch(() => {
        throw new Error(`Migration folder ${name} has no migration.sql (${file}).`);
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

type Recorded = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies the migrations not yet recorded in `_prisma_migrations`, in order, and returns their
 * names. Refuses to do anything if an applied migration was edited since, or one failed.
 */
export async function applyMigrations({
  connectionString,
  migrationsDir = "prisma/migrations",
  log = () => {},
}: {
  connectionString: string;
  migrationsDir?: string;
  log?: (message: string) => void;
}): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  // A dropped connection also rejects the pending query; without a listener it would crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    try {
      // Read the history only once the lock is held: a concurrent run may just have applied some.
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<Recorded>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
         WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      const pending = checkHistory(migrations, rows, log);
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`Applied ${migration.name}`);
      }
      return pending.map((m) => m.name);
    } finally {
      // Ending the session releases the lock anyway: never let this hide the real error.
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

function checkHistory(migrations: Migration[], recorded: Recorded[], log: (message: string) => void): Migration[] {
  const failed = recorded.find((r) => r.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed or was interrupted earlier (finished_at is null in _prisma_migrations): ` +
        `nothing was applied. Fix the database by hand (finish or undo what the script did), then mark it with ` +
        `\`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}'\` ` +
        `to retry it, or set finished_at = now(), applied_steps_count = 1 if you completed it yourself.`,
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of recorded) {
    const migration = byName.get(row.migration_name);
    if (!migration) {
      log(`Warning: ${row.migration_name} is recorded in the database but missing from the migrations folder.`);
    } else if (!matchesChecksum(migration.sql, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied to this database (its checksum differs): ` +
          `nothing was applied. Restore its migration.sql from git (\`git log -p -- prisma/migrations/${row.migration_name}\`) ` +
          `and put the change in a new migration (\`npm run db:migration -- --name ...\`). ` +
          `For a disposable database, drop and recreate it instead.`,
      );
    }
  }
  const applied = new Set(recorded.map((r) => r.migration_name));
  return migrations.filter((m) => !applied.has(m.name));
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`, [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    // The whole file as one simple-protocol query, like Prisma: splitting on ";" would break
    // function bodies and strings. PostgreSQL runs it as one implicit transaction, so a failing
    // script leaves no half-applied schema (unless it has its own BEGIN/COMMIT).
    await client.query(migration.sql);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, reason]);
    throw new Error(`Migration ${migration.name} failed: ${reason}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET applied_steps_count = 1, finished_at = now() WHERE id = $1`, [id]);
}
