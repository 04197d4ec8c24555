// The app's HTTP server, run by `npm start` / `npm run dev` (scripts/dev.ts), the browser tests
// (scripts/e2e-server.ts) and the Docker image: Next.js (`next start`, or `next dev` with --dev)
// behind our small front (scripts/http-front.ts), which makes X-Forwarded-For trustworthy and
// listens on 127.0.0.1 unless HOST says otherwise.
//   tsx scripts/serve.ts [--dev] [-p 3000]
import { parseArgs } from "node:util";
import next from "next";
import { createFrontServer, listen, listenHost } from "./http-front";

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, port: { type: "string", short: "p" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const host = listenHost(process.env.HOST);

const app = next({ dev: values.dev, dir: process.cwd(), hostname: host, port, ...(values.dev ? { turbopack: true } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
const server = createFrontServer((request, response) => void handle(request, response));
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
await listen(server, port, host);
// The notification worker runs here unless NOTIFICATIONS_WORKER=off (then `npm run worker`).
const worker = process.env.NOTIFICATIONS_WORKER === "off" ? null : await startNotifications();
console.log(`✓ Ready in ${Math.round(performance.now())}ms on http://${host.includes(":") ? `[${host}]` : host}:${port}`);

async function startNotifications() {
  const [{ env }, { prisma }, { startWorker }] = await Promise.all([import("@/lib/env"), import("@/lib/db"), import("@/lib/notifications/worker")]);
  return startWorker({ db: prisma, config: env() });
}

function stop() {
  server.close(() => void Promise.resolve(worker?.stop()).finally(() => void app.close().finally(() => process.exit(0))));
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
