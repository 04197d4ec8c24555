// The run command checks the whole configuration before it starts anything: a bad value stops it
// with a French message naming the variable (before, it printed « Maillage est prêt » and every
// page was a 500 in English).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, inject, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, databaseUrl, dropDatabase } from "@/scripts/db/server";

function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--production", "--no-build"], {
    encoding: "utf8",
    env: { ...process.env, ...env, PORT: env.PORT ?? "3999" },
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("npm start with a bad setting", () => {
  test.each([
    ["SESSION_MAX_AGE_HOURS", "abc"],
    ["PORT", "trois-mille"],
    ["SEED_DEMO", "oui"],
    ["ALLOW_REMOTE_TEST_DB", "peut-être"],
  ])("%s=%s stops the start with a French message naming it", (name, value) => {
    const result = start({ [name]: value });
    expect(result.output).toContain("Configuration invalide");
    expect(result.output).toContain(`${name} :`);
    expect(result.output).toContain("Maillage ne démarre pas");
    expect(result.output).not.toContain("Maillage est prêt");
    expect(result.output).not.toContain("Base PostgreSQL");
    expect(result.status).toBe(1);
  });
});

// The README's first command on a fresh machine: no NEXTAUTH_SECRET in the environment (the run
// command makes one), an empty database. The demo history runs the use cases in the run command's
// own process, and they read the settings: it once stopped there with « Configuration invalide :
// NEXTAUTH_SECRET est obligatoire », after the notifications began reading the e-mail settings.
describe("npm start on an empty database", () => {
  test("loads the demo data, history included, with nothing set but the database", async () => {
    const serverUrl = inject("postgresServerUrl");
    const name = `maillage_test_${process.pid}_start_${randomBytes(3).toString("hex")}`;
    await createDatabase(serverUrl, name);
    const url = databaseUrl(serverUrl, name);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PORT: "3998", NOTIFICATIONS_WORKER: "off" };
      delete env.NEXTAUTH_SECRET;
      delete env.NEXTAUTH_URL;
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "--production", "--no-build"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (c) => (output += String(c)));
      child.stderr.on("data", (c) => (output += String(c)));
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      // Past the seed: the server starts (ready, or it stops for want of a build in a fresh clone).
      await expect
        .poll(
          () =>
            child.exitCode !== null || /Maillage est prêt|next build|Could not find a production build/.test(output) ? "past the seed" : output.slice(-300),
          { timeout: 240_000, interval: 250 },
        )
        .toBe("past the seed");
      child.kill("SIGTERM");
      await exited;
      expect(output).toContain("Première mise en route");
      expect(output).not.toContain("Configuration invalide");
      const db = createPrismaClient(url);
      try {
        expect(await db.territory.count()).toBeGreaterThan(0);
        expect(await db.event.count({ where: { type: "request.submitted" } })).toBeGreaterThan(10);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await dropDatabase(serverUrl, name).catch(() => {});
    }
  }, 300_000);
});
