// The server the browser tests run against: a fresh database (migrated with our own tooling and
// loaded with the demo data), then the production build (`next build` must have run) on E2E_PORT,
// and a second instance of it on E2E_PORT + 1 over the same database and secret — as a deployment
// with two app servers behind a load balancer (two-instances.spec.ts). Playwright starts it and
// stops it; on stop the database is dropped.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { applyMigrations } from "./db/migrations";
import { createDatabase, databaseUrl, dropDatabase, dropLeftoverDatabases, findPostgresServer } from "./db/server";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { E2E_ACCOUNTS } from "@/tests/e2e/accounts";
import { upsertUser } from "@/tests/factories/users";
import { startPscProvider } from "@/tests/helpers/psc-provider";

const port = Number(process.env.E2E_PORT ?? 3100);
const ports = [port, port + 1];
const server = await findPostgresServer();
// Named after this process, so that a later run can tell a leftover (its process is gone) from a
// database another run is still using.
const PREFIX = "maillage_e2e_";
await dropLeftoverDatabases(server.url, PREFIX);
const name = `${PREFIX}${process.pid}_${randomBytes(3).toString("hex")}`;
await createDatabase(server.url, name);
const url = databaseUrl(server.url, name);

let stopping = false;
async function cleanUp(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    apps
      .filter((app) => app.exitCode === null)
      .map((app) => {
        app.kill("SIGTERM");
        return new Promise((resolve) => app.once("exit", resolve));
      }),
  );
  await psc?.close().catch(() => {});
  await dropDatabase(server.url, name).catch(() => {});
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => void cleanUp(0));
process.on("SIGTERM", () => void cleanUp(0));

const apps: ReturnType<typeof spawn>[] = [];
let psc: Awaited<ReturnType<typeof startPscProvider>> | undefined;
try {
  await applyMigrations({ connectionString: url });
  const db = createPrismaClient(url);
  await seedDemo({ db });
  const territories = new Map((await db.territory.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  for (const { territorySlugs, ...account } of E2E_ACCOUNTS) {
    await upsertUser(db, { ...account, territoryIds: territorySlugs?.map((slug) => territories.get(slug)!) });
  }
  await db.$disconnect();
  const secret = randomBytes(32).toString("base64url");
  // The local Pro Santé Connect (pro-sante-connect.spec.ts), registered for both instances.
  psc = await startPscProvider({ redirectUris: ports.map((p) => `http://localhost:${p}/api/auth/callback/pro-sante-connect`) });
  for (const p of ports) {
    const app = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts"), "-p", String(p)], {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: `http://localhost:${p}`,
        NEXT_TELEMETRY_DISABLED: "1",
        // Fewer tries before the lock, so that the lock-out journey stays short.
        LOGIN_MAX_FAILURES: "3",
        // The test runner plays the reverse proxy: specs that need a client address of their own (rate
        // limits) send it in X-Forwarded-For, as a proxy on this machine would. Left of it, what a
        // client wrote must still count for nothing (public-contact.spec.ts, sign-in-limits.spec.ts).
        TRUSTED_PROXIES: "127.0.0.1,::1",
        PSC_ISSUER: psc.issuer,
        PSC_CLIENT_ID: psc.clientId,
        PSC_CLIENT_SECRET: psc.clientSecret,
      },
    });
    app.on("exit", (code) => void cleanUp(code ?? 1));
    apps.push(app);
  }
} catch (error) {
  console.error(error);
  await cleanUp(1);
}
