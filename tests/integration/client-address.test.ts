// The client address the rate limits key on, through a real HTTP socket and our front
// (scripts/http-front.ts, which every server we run puts before Next.js), counted by the real
// PostgreSQL limiter of the public contact form.
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import type { Server } from "node:http";
import { afterAll, afterEach, beforeEach, describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/client-address";
import { createPrismaClient } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit";
import { createFrontServer, listen, listenHost } from "@/scripts/http-front";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let server: Server | undefined;

beforeEach(() => truncateAll(db));
afterEach(async () => {
  server?.closeAllConnections();
  if (server?.listening) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});
afterAll(() => db.$disconnect());

// The contact form's limit (5 per 10 minutes), keyed as the app keys it.
async function startApp(trustedProxies: string[]): Promise<string> {
  server = createFrontServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
    const address = clientAddress(headers, trustedProxies);
    void consumeRateLimit({ bucket: "public-contact", address, db }).then((decision) => {
      response.writeHead(decision.allowed ? 200 : 429, { "content-type": "application/json" }).end(JSON.stringify({ address }));
    });
  });
  await listen(server, 0, "127.0.0.1");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function send(url: string, forwardedFor?: string) {
  const response = await fetch(url, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  return { status: response.status, address: ((await response.json()) as { address: string }).address };
}

describe("the client address behind our front", () => {
  test("with no trusted proxy (the default), a made-up X-Forwarded-For neither changes the address nor resets the limit", async () => {
    const url = await startApp([]);
    const replies = [];
    for (let i = 0; i < 9; i++) replies.push(await send(url, `10.9.8.${i}`));
    expect(replies.map((r) => r.address)).toEqual(Array(9).fill("127.0.0.1"));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429]);
    // X-Real-IP neither.
    const realIp = await fetch(url, { headers: { "x-real-ip": "10.1.1.1" } });
    expect(realIp.status).toBe(429);
  });

  test("behind a configured proxy, the address it appended is honoured, and what its client wrote left of it is not", async () => {
    const url = await startApp(["127.0.0.1"]);
    for (let i = 0; i < 5; i++) expect(await send(url, "203.0.113.5")).toEqual({ status: 200, address: "203.0.113.5" });
    expect(await send(url, "203.0.113.5")).toEqual({ status: 429, address: "203.0.113.5" });
    // The client behind the proxy writes its own header: the proxy appends the real address.
    expect(await send(url, "6.6.6.6, 203.0.113.5")).toEqual({ status: 429, address: "203.0.113.5" });
    // Another client of the proxy has an allowance of its own.
    expect(await send(url, "203.0.113.6")).toEqual({ status: 200, address: "203.0.113.6" });
  });
});

describe("the listening address", () => {
  test("this machine only unless HOST says otherwise", async () => {
    expect(listenHost(undefined)).toBe("127.0.0.1");
    expect(listenHost("")).toBe("127.0.0.1");
    expect(listenHost("0.0.0.0")).toBe("0.0.0.0");
  });

  test("a server on the default address cannot be reached from the machine's network addresses", async () => {
    server = createFrontServer((_request, response) => void response.end("ok"));
    await listen(server, 0, listenHost(undefined));
    const { address, port } = server.address() as AddressInfo;
    expect(address).toBe("127.0.0.1");
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === "IPv4");
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
    if (external) await expect(fetch(`http://${external.address}:${port}/`)).rejects.toThrow();
  });
});
