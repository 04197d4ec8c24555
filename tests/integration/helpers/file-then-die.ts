// Run as a child process by notifications-crash.test.ts: files a request as the GP given in argv
// (its transaction commits, outbox included), then kills itself with SIGKILL before any worker
// could send anything — the "kill -9 between commit and send".
import { createPrismaClient } from "@/lib/db";
import { fileRequest } from "@/lib/requests/file-request";
import { PATIENT } from "@/tests/factories/world";

const actor = JSON.parse(process.argv[2]!);
const db = createPrismaClient(process.env.DATABASE_URL!);
const filed = await fileRequest({ db, channel: "WEB", actor, input: { ...PATIENT, urgency: "PLANNED" } });
process.stdout.write(`${filed.id}\n`, () => process.kill(process.pid, "SIGKILL"));
