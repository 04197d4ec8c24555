// `npm run worker`: the notification delivery worker on its own (outbox → SMTP, reminders,
// escalations, digest), for deployments with several app instances started with
// NOTIFICATIONS_WORKER=off. Several workers may run at once: each message and each scheduled tick
// is handled by one of them. `npm start` runs one inside the app's server already.
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";
import { startWorker } from "@/lib/notifications/worker";

let config;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const worker = startWorker({ db: prisma, config });
console.log(`Notifications : worker démarré (${config.SMTP_URL ? "envoi SMTP" : "sans SMTP_URL : messages conservés, visibles dans /admin/envois"}).`);

async function stop() {
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
