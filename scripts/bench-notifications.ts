// npm run bench -- --notifications: what the notifications cost and how fast they go out, in a
// scratch database of its own (created, migrated and dropped here) with a real SMTP server
// (smtp-server, in this process) on 127.0.0.1:
//   • fileRequest p50 / p95 with the outbox and without it (notifications muted), interleaved;
//   • delivery throughput: 10,000 queued messages to the SMTP server, in messages per second;
//   • commit → SMTP accepted, p95, while 50 users file requests at once (the worker polling as in
//     the app: every 500 ms).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { applyMigrations } from "./db/migrations";
import { createDatabase, databaseUrl, dropDatabase, findPostgresServer } from "./db/server";

const { values: args } = parseArgs({
  options: { notifications: { type: "boolean" }, runs: { type: "string", default: "200" }, messages: { type: "string", default: "10000" } },
  strict: false,
});
const RUNS = Number(args.runs);
const MESSAGES = Number(args.messages);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
const ms = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(s, 0.5).toFixed(1)} ms, p95 ${percentile(s, 0.95).toFixed(1)} ms (n = ${s.length})`;
};

async function run() {
  const { createPrismaClient } = await import("@/lib/db");
  const { withoutNotifications } = await import("@/lib/notifications/notify-event");
  const { startWorker } = await import("@/lib/notifications/worker");
  const { createWorld, fileTestRequest } = await import("@/tests/factories/world");
  const db = createPrismaClient(url);
  const world = await createWorld(db);
  console.log(
    `Machine : ${os.cpus().length} cœurs, charge ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}`,
  );

  // The SMTP server: accepts everything, notes when each message (by its Message-ID) arrived.
  const arrived = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4000) head += chunk.toString();
      });
      stream.on("end", () => {
        const id = /^Message-ID: <outbox-(\d+)@maillage>/im.exec(head)?.[1];
        if (id) arrived.set(id, Date.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  const config = {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: "ne-pas-repondre@bench.maillage.example",
    MSSANTE_SMTP_URL: undefined,
    MSSANTE_CERT_PATH: undefined,
    MSSANTE_KEY_PATH: undefined,
    NOTIFY_MAX_ATTEMPTS: 5,
    ESCALATION_LEAD_HOURS: 4,
    CAPACITY_REMINDER_DAYS: 14,
    DIGEST_HOUR: 7,
  };

  // 1. fileRequest with and without the outbox (3 messages and 2 notifications per request here).
  const withOutbox: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 20; i++) await fileTestRequest(db, world, { urgency: "PLANNED" });
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await fileTestRequest(db, world, { urgency: "PLANNED" });
    withOutbox.push(performance.now() - t);
    t = performance.now();
    await withoutNotifications(() => fileTestRequest(db, world, { urgency: "PLANNED" }));
    without.push(performance.now() - t);
  }
  const p95 = (v: number[]) =>
    percentile(
      [...v].sort((a, b) => a - b),
      0.95,
    );
  console.log(`fileRequest avec l'outbox : ${ms(withOutbox)}`);
  console.log(`fileRequest sans l'outbox : ${ms(without)}`);
  console.log(`surcoût au p95 : ${(((p95(withOutbox) - p95(without)) / p95(without)) * 100).toFixed(1)} %`);

  // 2. Throughput: MESSAGES queued, one worker drains them.
  await db.outboxMessage.deleteMany();
  arrived.clear();
  const rows = Array.from({ length: MESSAGES }, (_, i) => ({
    key: `bench:${i}`,
    channel: "EMAIL" as const,
    recipient: `pro${i}@bench.maillage.example`,
    kind: "REQUEST_CLAIMED" as const,
    subject: `Du nouveau sur la demande DA-${String(i).padStart(6, "0")}`,
    body: "Bonjour,\n\nDemande : la demande est prise en charge par la coordination.\n\nPour la consulter, connectez-vous : http://localhost:3000/connexion",
  }));
  for (let i = 0; i < rows.length; i += 2000) await db.outboxMessage.createMany({ data: rows.slice(i, i + 2000) });
  const started = performance.now();
  const worker = startWorker({ db, config, pollMs: 10, batchSize: 200, jobsEveryMs: 3_600_000, log: () => {} });
  while (arrived.size < MESSAGES) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  console.log(`débit : ${MESSAGES} messages en ${seconds.toFixed(1)} s, ${(MESSAGES / seconds).toFixed(0)} messages/s (un worker, 4 connexions SMTP)`);

  // 3. Commit → SMTP accepted while 50 users file requests (20 each), the worker as in the app.
  await db.outboxMessage.deleteMany();
  arrived.clear();
  // The worker with its own connection pool, as in the app's server or `npm run worker`.
  const workerDb = createPrismaClient(url);
  const live = startWorker({ db: workerDb, config, log: () => {} });
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (let i = 0; i < 20; i++) await fileTestRequest(db, world, { urgency: "PLANNED" });
    }),
  );
  const filing = (Date.now() - t0) / 1000;
  const total = await db.outboxMessage.count();
  while (arrived.size < total) await new Promise((r) => setTimeout(r, 50));
  await live.stop();
  await workerDb.$disconnect();
  const created = await db.outboxMessage.findMany({ select: { id: true, createdAt: true } });
  const latencies = created.map((m) => arrived.get(String(m.id))! - m.createdAt.getTime());
  console.log(`commit → SMTP accepté, 50 utilisateurs (1 000 demandes en ${filing.toFixed(1)} s, ${total} messages) : ${ms(latencies)}`);
  console.log(
    `charge à la fin : ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}`,
  );
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
}

const server = await findPostgresServer();
const name = `maillage_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
const url = databaseUrl(server.url, name);
await createDatabase(server.url, name);
try {
  await applyMigrations({ connectionString: url });
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-not-used-to-sign-anything-here";
  await run();
} finally {
  await dropDatabase(server.url, name);
  await server.stop();
}
