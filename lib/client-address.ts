import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The address of the client, as the rate limits key it (the public contact form, the sign-in).
 *
 * `X-Forwarded-For` lists the hops a request went through, each appended by the machine that
 * received it; anything left of what our own machines wrote is whatever the client chose to send.
 * Our HTTP front (scripts/serve.ts) always appends the socket's peer as the last entry — Next.js
 * alone keeps a client-sent header as it is. So, reading from the right: the first entry that is
 * not one of TRUSTED_PROXIES is the client. With no trusted proxy (the default) that is the socket's
 * peer, and nothing a client writes in the header can change its bucket. When every entry is a
 * trusted proxy, the leftmost one is the client (a health check from the proxy itself).
 */
export function clientAddress(headers: Pick<Headers, "get">, trustedProxies: readonly string[] = env().TRUSTED_PROXIES): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => canonicalIp(part))
    .filter((part): part is string => part !== null);
  if (!hops.length) return "unknown";
  const trusted = new Set(trustedProxies.map((ip) => canonicalIp(ip)));
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(hops[i]!)) return normaliseAddress(hops[i]!);
  }
  return normaliseAddress(hops[0]!);
}

// One spelling per address: lower case, no brackets, IPv4-mapped IPv6 as IPv4, IPv6 fully expanded.
// Not an IP address (garbage in the header): null, skipped.
export function canonicalIp(raw: string): string | null {
  const lower = raw
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped) return mapped[1]!;
  const kind = isIP(lower);
  if (kind === 4) return lower;
  if (kind !== 6) return null;
  const [head = "", tail = ""] = lower.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = lower.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return groups.map((g) => g.replace(/^0+(?=.)/, "")).join(":");
}

// "::ffff:192.0.2.1" and "192.0.2.1" are one client; an IPv6 client is keyed by its /64, since one
// device commonly holds many addresses of its prefix.
export function normaliseAddress(address: string): string {
  const ip = canonicalIp(address) ?? address.trim().toLowerCase();
  if (!ip.includes(":")) return ip;
  return `${ip.split(":").slice(0, 4).join(":")}::/64`;
}
