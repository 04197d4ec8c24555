import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { deliverDue, type DeliveryReport } from "@/lib/notifications/deliver";
import { runScheduledJobs } from "@/lib/notifications/jobs";
import { closeTransports, createTransports, type Transports } from "@/lib/notifications/mailer";

// The delivery worker: inside the app's server by default (scripts/serve.ts), or alone with
// `npm run worker` (NOTIFICATIONS_WORKER=off on the app instances then). Several may run at once:
// claims skip each other's rows and each scheduled tick runs on one of them.

export type Worker = { stop(): Promise<void>; wake(): void };

type Options = {
  db: Db;
  config: Pick<
    Env,
    | "SMTP_URL"
    | "MAIL_FROM"
    | "MSSANTE_SMTP_URL"
    | "MSSANTE_CERT_PATH"
    | "MSSANTE_KEY_PATH"
    | "NOTIFY_MAX_ATTEMPTS"
    | "ESCALATION_LEAD_HOURS"
    | "CAPACITY_REMINDER_DAYS"
    | "DIGEST_HOUR"
  > & { MSSANTE_CA_PATH?: string };
  transports?: Transports;
  pollMs?: number;
  jobsEveryMs?: number;
  batchSize?: number;
  clock?: () => Date;
  /** Ids and counts only: never a recipient's message. */
  log?: (line: string) => void;
};

export function startWorker(options: Options): Worker {
  const { db, config, pollMs = 500, jobsEveryMs = 60_000, batchSize = 50, clock = () => new Date(), log = (l) => console.log(l) } = options;
  const transports = options.transports ?? createTransports(config);
  const settings = { escalationLeadHours: config.ESCALATION_LEAD_HOURS, capacityReminderDays: config.CAPACITY_REMINDER_DAYS, digestHour: config.DIGEST_HOUR };
  let running = true;
  let lastJobs = 0;
  let wake: (() => void) | null = null;

  const loop = (async () => {
    while (running) {
      let report: DeliveryReport | null = null;
      try {
        if (clock().getTime() - lastJobs >= jobsEveryMs) {
          lastJobs = clock().getTime();
          const ran = await runScheduledJobs(db, settings, clock());
          if (ran.length) log(`[notifications] tâches planifiées : ${ran.join(", ")}`);
        }
        report = await deliverDue({ db, transports, now: clock(), batchSize, maxAttempts: config.NOTIFY_MAX_ATTEMPTS });
        if (report.failed || report.retried) log(`[notifications] envoyés ${report.sent}, à réessayer ${report.retried}, en échec ${report.failed}`);
      } catch (error) {
        log(`[notifications] erreur du worker : ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
      if (running && (!report || report.claimed < batchSize)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  })();

  return {
    wake: () => wake?.(),
    async stop() {
      running = false;
      wake?.();
      await loop;
      if (!options.transports) closeTransports(transports);
    },
  };
}
