import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { startWorker } from "@/lib/notifications/worker";
import { createWorld, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";
import { startSmtp, until, type TestSmtp } from "./helpers/smtp";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  await db.territory.updateMany({ data: { email: null } });
}, 60_000);

function fileThenDie(): Promise<{ requestId: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/helpers/file-then-die.ts", JSON.stringify(world.gp)], {
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ requestId: out.trim(), signal }));
  });
}

test("kill -9 of the app right after the commit: the worker started afterwards sends each message once, and a second worker sends nothing more", async () => {
  const { requestId, signal } = await fileThenDie();
  expect(signal).toBe("SIGKILL");
  expect(await db.request.count({ where: { id: requestId } })).toBe(1);
  expect(await db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(2);

  const config = {
    SMTP_URL: smtp.url,
    MAIL_FROM: "ne-pas-repondre@test.fr",
    MSSANTE_SMTP_URL: undefined,
    MSSANTE_CERT_PATH: undefined,
    MSSANTE_KEY_PATH: undefined,
    NOTIFY_MAX_ATTEMPTS: 5,
    ESCALATION_LEAD_HOURS: 4,
    CAPACITY_REMINDER_DAYS: 14,
    DIGEST_HOUR: 7,
  };
  const first = startWorker({ db, config, pollMs: 20, log: () => {} });
  await until(async () => (await db.outboxMessage.count({ where: { status: "SENT" } })) === 2);
  await first.stop();
  const second = startWorker({ db, config, pollMs: 20, log: () => {} });
  await new Promise((r) => setTimeout(r, 500));
  await second.stop();
  expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(["idec2@test.fr", "idec@test.fr"]);
});
