// The database the app's own commands work on: DATABASE_URL when set, else the embedded
// PostgreSQL whose data lives in .data/postgres (git-ignored), started for the occasion.
import path from "node:path";
import { parseRunSettings } from "@/lib/env";
import { startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATA_DIR = path.resolve(".data/postgres");

export type AppDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

export async function openAppDatabase(): Promise<AppDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => {} };
  // Validated like every setting (a bad port is refused in French, not tried as NaN).
  const { EMBEDDED_POSTGRES_PORT: port } = parseRunSettings(process.env);
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const database = await openAppDatabase();
  try {
    return await fn(database.url);
  } finally {
    await database.stop();
  }
}

/**
 * A command of ours on the app's database (npm run db:migrate, db:backup, db:restore): a setting
 * refused or an error is its message, not a stack trace, and the exit code says it (1); the embedded
 * server is stopped either way.
 */
export async function runDatabaseCommand(fn: (database: AppDatabase) => Promise<void>): Promise<never> {
  const database = await openAppDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  let code = 0;
  try {
    await fn(database);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await database.stop();
  }
  process.exit(code);
}
