// What sits between the socket and Next.js in every server we run (scripts/serve.ts).
import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";

/**
 * Appends the socket's peer to X-Forwarded-For, as any proxy does. Next.js alone sets the header
 * to the peer only when the client sent none, so a client could otherwise write its own address;
 * with the peer always last, lib/client-address.ts believes only hops written by TRUSTED_PROXIES.
 * X-Real-IP, which nothing here appends to, is dropped.
 */
export function appendPeerToForwardedFor(request: IncomingMessage): void {
  const sent = request.headers["x-forwarded-for"];
  const hops = (Array.isArray(sent) ? sent : sent ? [sent] : [])
    .flatMap((value) => value.split(","))
    .map((hop) => hop.trim())
    .filter(Boolean);
  const peer = request.socket.remoteAddress;
  if (peer) hops.push(peer);
  request.headers["x-forwarded-for"] = hops.join(", ");
  delete request.headers["x-real-ip"];
}

/** The listening address: this machine only, unless HOST says otherwise (0.0.0.0 in a container). */
export function listenHost(host: string | undefined): string {
  return host?.trim() || "127.0.0.1";
}

export function createFrontServer(handle: RequestListener): Server {
  return createServer((request, response) => {
    appendPeerToForwardedFor(request);
    handle(request, response);
  });
}

export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
