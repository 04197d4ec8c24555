// Issue 16: `kill -9` of the server in the middle of a CSV import of 5,000 structures, and of a
// burst of filings. After the crash, what was committed is whole — every structure with its offers
// and its event, every request with its event and its dashboard facts — and nothing is half-written;
// the import run again completes the file. The work runs in a child process (a real SIGKILL).
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { importStructuresCsv } from "@/lib/directory/import-structures-csv";
import { BAR_LE_DUC, createWorld, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

function startChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/integration/helpers/crash-child.ts")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  return { child, exited, stderr: () => stderr };
}

// Waits until `ready()` says enough is committed, then SIGKILL.
async function killWhen(run: ReturnType<typeof startChild>, ready: () => Promise<boolean>) {
  await expect.poll(async () => (run.child.exitCode !== null ? `sorti : ${run.stderr()}` : await ready()), { timeout: 120_000, interval: 100 }).toBe(true);
  run.child.kill("SIGKILL");
  expect(await run.exited).toBe("SIGKILL");
}

const HEADER = "identifiant_externe;nom;type;territoire;communes_couvertes;offres_domicile;telephone";
const LINES = 5000;
const file = [
  HEADER,
  ...Array.from(
    { length: LINES },
    (_, i) => `crash-${i};Équipe ${i};psychologue;meuse-sud;${BAR_LE_DUC};psy_patient, psy_proches;03 53 01 ${String(i % 100).padStart(2, "0")} 36`,
  ),
].join("\n");

describe("kill -9 in the middle of the work", () => {
  test("a CSV import of 5,000 structures: committed chunks whole, nothing partial; run again, the file completes", async () => {
    const csvFile = path.join(await mkdtemp(path.join(tmpdir(), "maillage-crash-")), "annuaire.csv");
    await writeFile(csvFile, file);
    const run = startChild({ CRASH_WORK: "import", CRASH_ACTOR: JSON.stringify(world.idec), CRASH_CSV_FILE: csvFile });
    await killWhen(run, async () => (await db.structure.count({ where: { externalId: { startsWith: "crash-" } } })) >= 400);

    const created = await db.structure.findMany({
      where: { externalId: { startsWith: "crash-" } },
      select: { id: true, _count: { select: { offers: true } } },
    });
    expect(created.length).toBeLessThan(LINES);
    // Chunks of 200 lines, each one transaction with its offers and events.
    expect(created.length % 200).toBe(0);
    // Two offers a line (two needs at home): a structure is never without them.
    expect(created.every((s) => s._count.offers === 2)).toBe(true);
    const events = await db.event.count({ where: { type: "directory.structure_created", subjectId: { in: created.map((s) => s.id) } } });
    expect(events).toBe(created.length);
    expect(await db.event.count({ where: { type: "directory.structure_created" } })).toBe(created.length);

    const again = await importStructuresCsv({ db, actor: world.idec, csv: file });
    expect(again.counts).toEqual({ created: LINES - created.length, updated: 0, unchanged: created.length, refused: 0 });
    expect(await db.structure.count({ where: { externalId: { startsWith: "crash-" } } })).toBe(LINES);
    expect(await db.event.count({ where: { type: "directory.structure_created" } })).toBe(LINES);
  }, 300_000);

  test("a burst of filings: every committed request has its event and its dashboard facts", async () => {
    const run = startChild({ CRASH_WORK: "file", CRASH_ACTOR: JSON.stringify(world.gp) });
    await killWhen(run, async () => (await db.request.count()) >= 60);

    const requests = await db.request.findMany({ select: { id: true } });
    expect(requests.length).toBeGreaterThanOrEqual(60);
    const ids = requests.map((r) => r.id);
    expect(await db.event.count({ where: { type: "request.submitted", subjectId: { in: ids } } })).toBe(ids.length);
    expect(await db.event.count({ where: { type: "request.submitted" } })).toBe(ids.length);
    const [facts] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM request_fact`;
    expect(facts!.n).toBe(ids.length);
    // Every patient of a request exists; no request without its patient.
    expect(await db.request.count({ where: { patientId: null } })).toBe(0);
  }, 300_000);
});
