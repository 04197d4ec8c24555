// The run command checks the whole configuration before it starts anything: a bad value stops it
// with a French message naming the variable (before, it printed « Maillage est prêt » and every
// page was a 500 in English).
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";

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
