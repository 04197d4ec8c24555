// A test run killed before its clean-up leaves its database behind; the next run drops it, and
// only it: a database whose process still runs belongs to another suite in progress.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, expect, inject, test } from "vitest";
import { createDatabase, dropDatabase, dropLeftoverDatabases, withClient } from "@/scripts/db/server";

const serverUrl = inject("postgresServerUrl");
const prefix = `maillage_leftover_${randomBytes(3).toString("hex")}_`;
const names: string[] = [];

afterAll(async () => {
  for (const name of names) await dropDatabase(serverUrl, name);
});

async function existing(): Promise<string[]> {
  return withClient(serverUrl, async (client) =>
    (await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname", [prefix])).rows.map(
      (r) => r.datname,
    ),
  );
}

test("drops the databases of runs whose process is gone, keeps those of running ones", async () => {
  const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
  expect(gone).toBeGreaterThan(0);
  const dead = `${prefix}${gone}_aaaaaa`;
  const alive = `${prefix}${process.pid}_bbbbbb`;
  const foreign = `${prefix}sans_pid`;
  for (const name of [dead, alive, foreign]) {
    await createDatabase(serverUrl, name);
    names.push(name);
  }

  expect(await dropLeftoverDatabases(serverUrl, prefix)).toEqual([dead]);
  expect(await existing()).toEqual([alive, foreign].sort());
});
