// Issue 16: the dashboards read their figures from the read replica (DATABASE_REPLICA_URL) and
// write the cube's catch-up on the primary only. The "replica" here is a snapshot of the primary
// (npm run db:backup / db:restore), left behind while the primary takes one more request — as a
// lagging replica would be: the figures are the replica's, the primary's cube moved on.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { getDashboard } from "@/lib/dashboards/indicators";
import { parisTime } from "@/lib/time";
import { backupDatabase, restoreDatabase } from "@/scripts/db/backup";
import { createDatabase, databaseUrl, dropDatabase } from "@/scripts/db/server";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const replicaName = `${new URL(url).pathname.slice(1)}_replique`;
// As a deployment sets it: the app's default clients (lib/db.ts) read it on first use.
process.env.DATABASE_REPLICA_URL = databaseUrl(url, replicaName);
let world: World;
let replica: Db;
let dir: string;

const PERIOD = { from: parisTime(2026, 11, 1), to: parisTime(2026, 12, 1) };
const filed = (day: number) => fileTestRequest(db, world, { urgency: "PLANNED" }, parisTime(2026, 11, day, 10, 0));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maillage-replica-"));
  await truncateAll(db);
  world = await createWorld(db);
  for (const day of [3, 4, 5, 6, 9]) await filed(day);
  await getDashboard({ db, actor: world.idec, level: "territory", code: world.territories["meuse-sud"]!, period: PERIOD });
  const file = path.join(dir, "snapshot.dump");
  await backupDatabase({ url, file });
  await createDatabase(databaseUrl(url, "postgres"), replicaName);
  await restoreDatabase({ url: databaseUrl(url, replicaName), file });
  replica = createPrismaClient(databaseUrl(url, replicaName));
}, 300_000);

afterAll(async () => {
  await replica?.$disconnect();
  await dropDatabase(databaseUrl(url, "postgres"), replicaName).catch(() => {});
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

test("figures come from the replica; the cube's catch-up is written on the primary, never on the replica", async () => {
  await filed(10);
  const area = { actor: world.idec, level: "territory" as const, code: world.territories["meuse-sud"]!, period: PERIOD };
  // The cube's sum of every cell: it moves when a catch-up counts the new request.
  const cube = async (database: Db) => Number((await database.$queryRaw<{ n: bigint }[]>`SELECT coalesce(sum(n), 0) AS n FROM dashboard_cell`)[0]!.n);
  const [primaryBefore, replicaBefore] = [await cube(db), await cube(replica)];

  const fromReplica = await getDashboard({ ...area, db, reads: replica });
  expect(fromReplica.totals.requests).toEqual({ value: 5, masked: false });
  expect(await cube(db)).toBeGreaterThan(primaryBefore);
  expect(await cube(replica)).toBe(replicaBefore);

  // The primary's cube was brought up to date by that same call: read there, the sixth is counted.
  const fromPrimary = await getDashboard({ ...area, db, reads: db });
  expect(fromPrimary.totals.requests).toEqual({ value: 6, masked: false });
  // The app's default: the primary for the catch-up, the configured replica for the figures.
  await filed(11);
  expect((await getDashboard(area)).totals.requests).toEqual({ value: 5, masked: false });
  expect(await cube(db)).toBeGreaterThan(await cube(replica));
});
