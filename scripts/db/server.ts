// Finding a PostgreSQL server to work with, and creating/dropping databases on it.
// Used by the schema engine (shadow database), the test harness (a fresh database per run) and
// the CLIs. Nothing here logs a URL without passing it through redactUrl().
import { mkdtemp, rm, chmod } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";

export type PostgresServer = {
  /** URL of a maintenance database (`postgres`) on the server: connect here to create databases. */
  url: string;
  /** Stops the server if we started it; does nothing for a server someone else runs. */
  stop(): Promise<void>;
};

const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A PostgreSQL server, in this order: the one DATABASE_URL points at (same credentials), the
 * machine's own on 127.0.0.1:5432 (user postgres, trust auth), else an embedded one in a temporary
 * folder, which stop() shuts down and deletes.
 */
export async function findPostgresServer(): Promise<PostgresServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    const url = databaseUrl(fromEnv, "postgres");
    await assertReachable(url);
    return { url, stop: async () => {} };
  }
  if (await isReachable(LOCAL_SERVER_URL)) return { url: LOCAL_SERVER_URL, stop: async () => {} };

  // mkdtemp makes a 0700 folder: the embedded server runs as the OS user `postgres` when we are
  // root, and must be able to traverse it.
  const dir = await mkdtemp(path.join(tmpdir(), "maillage-pg-"));
  await chmod(dir, 0o755);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort() });
    return {
      url: databaseUrl(embedded.url, "postgres"),
      stop: async () => {
        await embedded.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The same server and credentials as `url`, pointing at database `name`. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<invalid database URL>";
  }
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
}

/** Drops the database if it exists, disconnecting whoever is still connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    // WITH (FORCE) (PostgreSQL 13+) terminates the other sessions atomically; a separate
    // pg_terminate_backend() leaves a window where a pool reconnects before the DROP.
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/**
 * The databases named `<prefix><pid>_…` whose process is gone: what runs killed before their own
 * clean-up left behind. A database whose process still runs (another suite, another checkout) is
 * not one of them.
 */
export async function leftoverDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  const names = await withClient(serverUrl, async (client) =>
    (await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix])).rows.map((r) => r.datname),
  );
  return names.filter((name) => {
    const pid = Number(/^(\d+)_/.exec(name.slice(prefix.length))?.[1]);
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  });
}

/** Drops the leftovers of killed runs (see leftoverDatabases); returns their names. */
export async function dropLeftoverDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  const names = await leftoverDatabases(serverUrl, prefix);
  for (const name of names) await dropDatabase(serverUrl, name);
  return names;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {}); // the pending query rejects too; don't crash the process
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function isReachable(url: string): Promise<boolean> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function assertReachable(url: string): Promise<void> {
  try {
    await withClient(url, (client) => client.query("SELECT 1"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to the PostgreSQL server of DATABASE_URL (${redactUrl(url)}): ${reason}`);
  }
}

/** A TCP port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
