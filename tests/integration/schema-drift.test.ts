// The check that turns the suite red when someone edits prisma/schema.prisma without writing the
// migration (`npm run db:migration -- --name what-changed`), and proof that it can fail.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, test } from "vitest";
import { createMigration, diffMigrationsToSchema } from "@/scripts/db/schema-engine";

const serverUrl = inject("postgresServerUrl");
const tempDirs: string[] = [];

const PROBE_MODEL = `
model DriftProbe {
  id   Int    @id
  note String

  @@map("drift_probe")
}
`;

/** schema.prisma plus one model, and a copy of the migrations, in a temporary folder. */
async function workspaceWithExtraModel() {
  const dir = await mkdtemp(path.join(tmpdir(), "maillage-drift-"));
  tempDirs.push(dir);
  const schemaPath = path.join(dir, "schema.prisma");
  await writeFile(schemaPath, (await readFile("prisma/schema.prisma", "utf8")) + PROBE_MODEL);
  const migrationsDir = path.join(dir, "migrations");
  await cp("prisma/migrations", migrationsDir, { recursive: true });
  return { schemaPath, migrationsDir };
}

afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("schema.prisma and prisma/migrations", () => {
  test("are in sync (else: npm run db:migration -- --name what-changed)", async () => {
    const missing = await diffMigrationsToSchema({ serverUrl });

    expect(missing, `schema.prisma has changes no migration creates:\n${missing}`).toBe("");
  });

  test("a model added to the schema without a migration is reported as drift", async () => {
    const { schemaPath } = await workspaceWithExtraModel();

    const missing = await diffMigrationsToSchema({ serverUrl, schemaPath });

    expect(missing).toContain(`CREATE TABLE "drift_probe"`);
  });

  test("createMigration writes each change once, then finds nothing more to do", async () => {
    // A schema of its own, so that this test of the tool does not depend on the repository's.
    const dir = await mkdtemp(path.join(tmpdir(), "maillage-create-"));
    tempDirs.push(dir);
    const schemaPath = path.join(dir, "schema.prisma");
    const migrationsDir = path.join(dir, "migrations");
    const options = { serverUrl, schemaPath, migrationsDir };
    await writeFile(schemaPath, `datasource db {\n  provider = "postgresql"\n}\n`);

    expect(await createMigration({ ...options, name: "nothing" })).toBeNull();
    expect(existsSync(migrationsDir)).toBe(false);

    await writeFile(schemaPath, PROBE_MODEL, { flag: "a" });
    const first = await createMigration({ ...options, name: "Add drift probe" });
    expect(first?.name).toMatch(/^\d{14}_add_drift_probe$/);
    expect(await readFile(first!.file, "utf8")).toContain(`CREATE TABLE "drift_probe"`);
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(`provider = "postgresql"`);

    // A second change on top of an existing migration: only the difference is written.
    await writeFile(schemaPath, `\nmodel Second {\n  id Int @id\n}\n`, { flag: "a" });
    const second = await createMigration({ ...options, name: "second" });
    const secondSql = await readFile(second!.file, "utf8");
    expect(secondSql).toContain(`CREATE TABLE "Second"`);
    expect(secondSql).not.toContain("drift_probe");

    expect(await createMigration({ ...options, name: "again" })).toBeNull();
    expect(await diffMigrationsToSchema(options)).toBe("");
    expect((await readdir(migrationsDir)).sort()).toEqual([first!.name, second!.name, "migration_lock.toml"].sort());
  });
});
