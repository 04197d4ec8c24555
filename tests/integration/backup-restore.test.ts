// Issue 16: a backup (npm run db:backup: pg_dump's custom format) restored into a fresh database
// (npm run db:restore) holds the same rows in every table, a person signs in on it, and the
// dashboards' projection still follows new events (its trigger came back with the data).
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { backupDatabase, findTool, hasTables, restoreDatabase } from "@/scripts/db/backup";
import { createDatabase, databaseUrl, dropDatabase } from "@/scripts/db/server";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const restoredName = `${new URL(url).pathname.slice(1)}_restauree`;
const restoredUrl = databaseUrl(url, restoredName);
let dir: string;
let world: World;
let restored: Db | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maillage-backup-"));
  await truncateAll(db);
  world = await createWorld(db);
  for (const urgency of ["CRISIS", "PLANNED"] as const) await fileTestRequest(db, world, { urgency });
}, 120_000);

afterAll(async () => {
  await restored?.$disconnect();
  await dropDatabase(databaseUrl(url, "postgres"), restoredName).catch(() => {});
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

async function tableCounts(database: Db): Promise<Record<string, number>> {
  const tables = await database.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await database.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = row!.n;
  }
  return counts;
}

test("backup, then restore into a fresh database: the same rows everywhere, a working sign-in, the projection alive", async () => {
  // The machine's pg_dump must know the server's version (a clear French refusal otherwise).
  await findTool("pg_dump", url);
  const file = path.join(dir, "maillage.dump");
  await backupDatabase({ url, file });
  expect((await stat(file)).size).toBeGreaterThan(10_000);

  await createDatabase(databaseUrl(url, "postgres"), restoredName);
  expect(await hasTables(restoredUrl)).toBe(false);
  await restoreDatabase({ url: restoredUrl, file });
  expect(await hasTables(restoredUrl)).toBe(true);
  restored = createPrismaClient(restoredUrl);

  const before = await tableCounts(db);
  expect(before.request).toBe(2);
  expect(before.commune).toBeGreaterThan(30_000);
  expect(await tableCounts(restored)).toEqual(before);

  const signIn = await authenticateUser({ db: restored, email: world.gp.email, password: "Test-password-1", address: "203.0.113.7" });
  expect(signIn).toMatchObject({ ok: true, user: { email: world.gp.email, role: "GP" } });

  // The trigger came back: a request filed on the restored database has its dashboard facts.
  await fileTestRequest(restored, world);
  const [facts] = await restored.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM request_fact`;
  expect(facts!.n).toBe(3);
}, 300_000);

test("a pg_dump older than the server, or none, is refused in French before anything runs", async () => {
  const bin = path.join(dir, "bin");
  await mkdir(bin);
  await writeFile(path.join(bin, "pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n", { mode: 0o755 });
  const saved = process.env.PG_BIN_DIR;
  try {
    process.env.PG_BIN_DIR = bin;
    await expect(findTool("pg_dump", url)).rejects.toThrow(/^pg_dump 9 ne sait pas traiter un serveur PostgreSQL \d+ : installez le client PostgreSQL/);
    await expect(findTool("pg_restore", url)).rejects.toThrow(/^pg_restore est introuvable : installez le client PostgreSQL \d+/);
  } finally {
    if (saved === undefined) delete process.env.PG_BIN_DIR;
    else process.env.PG_BIN_DIR = saved;
  }
});

test("a restore refuses a database that is not empty, and says so in French", async () => {
  expect(await hasTables(url)).toBe(true);
  const file = path.join(dir, "again.dump");
  await backupDatabase({ url, file });
  await expect(restoreDatabase({ url, file })).rejects.toThrow(/^La restauration a échoué/);
}, 300_000);
