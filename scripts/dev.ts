// `npm run dev` (development server) and `npm start` (production build, then server).
// With no DATABASE_URL it starts its own PostgreSQL 17 (data in .data/postgres), migrates it,
// loads the demo data the first time, and prints the URL and the demo logins. Ctrl-C stops the
// app and the database cleanly; the data stays for the next start.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./db/migrations";
import { openAppDatabase } from "./db/with-database";
import { redactUrl } from "./db/server";
import { parseRunSettings, type Env } from "@/lib/env";
import { buildFingerprint, isBuildCurrent, recordBuild } from "./build-inputs";

const production = process.argv.includes("--production");
const skipBuild = process.argv.includes("--no-build");

// The whole configuration first: a bad value stops here, in French, naming the variable, before a
// database is started or a page can fail.
let settings: Env;
try {
  settings = parseRunSettings(process.env);
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : error}\nMaillage ne démarre pas : corrigez cette configuration (voir « Configuration » dans le README).`,
  );
  process.exit(1);
}
const port = settings.PORT;

async function nextAuthSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // A random secret made once per machine and kept out of the repository.
  const file = path.resolve(".data/nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM territory");
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

const database = await openAppDatabase();
let app: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app?.once("exit", resolve));
  }
  if (database.embedded) console.log("Arrêt de la base de données…");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  console.log(database.embedded ? "Base PostgreSQL intégrée démarrée (.data/postgres)." : `Base : ${redactUrl(database.url)}`);
  const applied = await applyMigrations({ connectionString: database.url });
  console.log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Schéma à jour.");
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await nextAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  // The demo seed below runs the use cases in this process, and they read the settings (lib/env.ts:
  // the e-mail settings of the notifications, say): the same values as the app's.
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, NEXTAUTH_URL: env.NEXTAUTH_URL });
  if (settings.SEED_DEMO === "true" && (await isEmpty(database.url))) {
    console.log("Première mise en route : chargement du référentiel géographique et des données de démonstration…");
    const { createPrismaClient } = await import("@/lib/db");
    const { seedDemo } = await import("@/prisma/seed");
    const db = createPrismaClient(database.url);
    await seedDemo({ db, log: (m) => console.log(`  ${m}`), history: true });
    await db.$disconnect();
  }
  const next = path.resolve("node_modules/next/dist/bin/next");
  if (production && !skipBuild) {
    const fingerprint = await buildFingerprint(process.cwd());
    if (await isBuildCurrent(process.cwd(), fingerprint)) {
      console.log("Construction à jour : rien n'a changé depuis la dernière (next build non relancé).");
    } else {
      console.log("Construction de l'application (next build)…");
      const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
      if (build.status !== 0) throw new Error("La construction a échoué.");
      await recordBuild(process.cwd(), fingerprint);
    }
  }
  // Next.js behind our front (scripts/serve.ts): on 127.0.0.1 unless HOST says otherwise, since the
  // demo accounts' password is published.
  const serve = ["--import", "tsx", path.resolve("scripts/serve.ts"), ...(production ? [] : ["--dev"]), "-p", String(port)];
  app = spawn(process.execPath, serve, { stdio: ["ignore", "pipe", "inherit"], env });
  app.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|✓ Ready/.test(chunk.toString())) printWelcome();
  });
  app.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

function printWelcome() {
  void import("@/prisma/seed").then(({ DEMO_ACCOUNTS, DEMO_PASSWORD }) => {
    const lines = [
      "",
      `Maillage est prêt : http://localhost:${port}${settings.HOST ? ` (à l'écoute sur ${settings.HOST})` : " (sur cette machine seulement : HOST=0.0.0.0 pour l'ouvrir au réseau)"}`,
      settings.SEED_DEMO === "false" ? "" : `Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
      ...(settings.SEED_DEMO === "false" ? [] : DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(30)} ${a.name} — ${a.scope}`)),
      "Ctrl-C pour arrêter.",
      "",
    ];
    console.log(lines.filter(Boolean).join("\n"));
  });
}
