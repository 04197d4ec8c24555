// applyMigrations against real, empty databases of their own (not the shared test database).
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { applyMigrations } from "@/scripts/db/migrations";
import { createDatabase, databaseUrl, dropDatabase } from "@/scripts/db/server";

const serverUrl = inject("postgresServerUrl");
const created: string[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `maillage_test_migrations_${randomBytes(4).toString("hex")}`;
  await createDatabase(serverUrl, name);
  created.push(name);
  return databaseUrl(serverUrl, name);
}

/** A copy of the repository's migrations that a test may edit. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "maillage-migrations-"));
  tempDirs.push(dir);
  await cp("prisma/migrations", dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const recordedCount = async (url: string) => Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`))[0]?.n);

const repoMigrations = async () =>
  (await readdir("prisma/migrations", { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  test("builds an empty database and records each migration as Prisma does", async () => {
    const url = await emptyDatabase();
    const names = await repoMigrations();
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations({ connectionString: url })).toEqual(names);

    const tables = (await query<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'")).map((r) => r.t);
    expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "region", "commune", "territory", "app_user", "event"]));
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null; rolled_back_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    // Computed here from the files, independently of the code under test.
    const expected = await Promise.all(
      names.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join("prisma/migrations", name, "migration.sql")))
          .digest("hex"),
        applied_steps_count: 1,
        finished_at: expect.any(Date),
        rolled_back_at: null,
      })),
    );
    expect(rows).toEqual(expected);
  });

  test("a second run applies nothing", async () => {
    const url = await emptyDatabase();
    await applyMigrations({ connectionString: url });

    expect(await applyMigrations({ connectionString: url })).toEqual([]);
    expect(await recordedCount(url)).toBe((await repoMigrations()).length);
  });

  test("refuses to go on when an applied migration was edited since", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy();
    await applyMigrations({ connectionString: url, migrationsDir: dir });
    const [first] = await repoMigrations();
    await writeFile(path.join(dir, first!, "migration.sql"), "\n-- edited after the fact\n", { flag: "a" });
    await mkdir(path.join(dir, "99990101000000_next"));
    await writeFile(path.join(dir, "99990101000000_next", "migration.sql"), `CREATE TABLE "should_not_exist" (id int);`);

    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(`Migration ${first} was edited after it was applied`);
    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'should_not_exist'`)).toEqual([]);
  });

  test("runs a file as one script: semicolons inside $$ bodies and strings survive", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy();
    await mkdir(path.join(dir, "99990101000000_function"));
    await writeFile(
      path.join(dir, "99990101000000_function", "migration.sql"),
      `CREATE FUNCTION probe() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'a;b'; END; $$;\nCREATE TABLE "probe_table" (note text DEFAULT 'x;y');\n`,
    );

    await applyMigrations({ connectionString: url, migrationsDir: dir });

    expect(await query(url, "SELECT probe() AS p")).toEqual([{ p: "a;b" }]);
  });

  test("a failing migration is recorded as failed, rolled back, and blocks later runs", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsCopy();
    await mkdir(path.join(dir, "99990101000000_broken"));
    await writeFile(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT 1/0;\n`);

    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow("division by zero");

    expect(await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      "Migration 99990101000000_broken failed or was interrupted earlier",
    );
  });

  test("two concurrent runs apply each migration exactly once", async () => {
    const url = await emptyDatabase();

    const runs = await Promise.allSettled([applyMigrations({ connectionString: url }), applyMigrations({ connectionString: url })]);

    expect(runs.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    const applied = runs.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    expect(applied.sort()).toEqual(await repoMigrations());
    expect(await recordedCount(url)).toBe((await repoMigrations()).length);
  });
});
