// Backups of the app's database with PostgreSQL's own tools: pg_dump's custom format (compressed,
// restorable table by table) and pg_restore. The tools are found in PG_BIN_DIR, else on the PATH,
// and must be at least the server's major version (pg_dump refuses a newer server): said in French
// when they are not. The password goes through PGPASSWORD, never on a command line.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";

export type PgTool = "pg_dump" | "pg_restore";

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += String(c)));
    child.stderr.on("data", (c) => (stderr += String(c)));
    child.on("error", (error) => resolve({ code: null, stdout, stderr: error.message }));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function toolPath(tool: PgTool): string {
  return process.env.PG_BIN_DIR ? path.join(process.env.PG_BIN_DIR, tool) : tool;
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10000);
  } finally {
    await client.end();
  }
}

/** The tool's path, checked against the server's version; a French message when it cannot do. */
export async function findTool(tool: PgTool, url: string): Promise<string> {
  const command = toolPath(tool);
  const [version, major] = await Promise.all([run(command, ["--version"], {}), serverMajor(url)]);
  const found = /\b(\d+)(?:\.\d+)?/.exec(version.stdout);
  if (version.code !== 0 || !found) {
    throw new Error(
      `${tool} est introuvable : installez le client PostgreSQL ${major} (paquet postgresql-client-${major}) ou indiquez son dossier dans PG_BIN_DIR.`,
    );
  }
  if (Number(found[1]) < major) {
    throw new Error(
      `${tool} ${found[1]} ne sait pas traiter un serveur PostgreSQL ${major} : installez le client PostgreSQL ${major} (paquet postgresql-client-${major}) ou indiquez son dossier dans PG_BIN_DIR.`,
    );
  }
  return command;
}

// The URL without its password (given to the tool through PGPASSWORD).
function connection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function backupDatabase({ url, file }: { url: string; file: string }): Promise<void> {
  const command = await findTool("pg_dump", url);
  const { dbname, env } = connection(url);
  const result = await run(command, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${dbname}`], env);
  if (result.code !== 0) throw new Error(`La sauvegarde a échoué : ${result.stderr.trim() || `code ${result.code}`}`);
}

/** Into an empty database (the migrations, the data, then the indexes and triggers), in one transaction. */
export async function restoreDatabase({ url, file }: { url: string; file: string }): Promise<void> {
  const command = await findTool("pg_restore", url);
  const { dbname, env } = connection(url);
  const result = await run(command, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, file], env);
  if (result.code !== 0) throw new Error(`La restauration a échoué : ${result.stderr.trim() || `code ${result.code}`}`);
}

/** Whether the database holds tables of its own (a restore goes only into an empty one). */
export async function hasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    return rows[0]!.n > 0;
  } finally {
    await client.end();
  }
}
