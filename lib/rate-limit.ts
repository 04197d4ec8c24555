// Per-client rate limits for what anyone can reach without an account: the public contact form and
// the commune autocomplete.
//
// Why PostgreSQL (rate-limiter-flexible's RateLimiterPrisma on the `rate_limit` table) rather than
// a counter in memory: `next start` may run several processes (and the Docker image several
// containers), a restart must not hand out a fresh allowance, and the counter is then the same
// one the integration tests check. The cost is one upsert per limited call, on a primary key.
// The library is well kept and does the fixed-window bookkeeping, blocking and cleanup of
// expired rows (every 5 minutes, in the background of the process that first used it).
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";

export const RATE_LIMITS = {
  // A family files once; five tries in ten minutes leave room for a correction or two.
  "public-contact": { points: 5, durationSeconds: 10 * 60 },
  // The autocomplete asks once per pause in typing (debounced): ample for a person, not for a scraper.
  communes: { points: 120, durationSeconds: 60 },
} as const;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * The client's address as our reverse proxy saw it. `X-Forwarded-For` lists every hop, the left
 * part being whatever the client chose to send; the entry `trustedProxies` from the right was
 * written by our own proxy (one: nginx/Traefik in front of the app). Without a proxy, Next.js sets
 * the header to the socket's address when the client sent none. `X-Real-IP` comes next; when
 * neither is there, every such client shares one bucket ("unknown").
 */
export function clientAddress(headers: Pick<Headers, "get">, trustedProxies = 1): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const fromProxy = forwarded.at(-Math.max(1, trustedProxies)) ?? forwarded[0];
  const address = fromProxy ?? headers.get("x-real-ip")?.trim();
  return address ? normaliseAddress(address) : "unknown";
}

// "::ffff:192.0.2.1" and "192.0.2.1" are one client; an IPv6 client is keyed by its /64, since one
// device commonly holds many addresses of its prefix.
export function normaliseAddress(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped) return mapped[1]!;
  if (!lower.includes(":")) return lower;
  const [head = "", tail = ""] = lower.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = lower.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

// Addresses are personal data: the table holds a keyed hash of them, never the address itself.
function hashAddress(address: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`rate-limit:${address}`).digest("base64url").slice(0, 32);
}

// One limiter per bucket and database client (tests pass their own client).
const limiters = new WeakMap<Db, Map<RateLimitBucket, RateLimiterPrisma>>();

function limiterFor(bucket: RateLimitBucket, db: Db): RateLimiterPrisma {
  let byBucket = limiters.get(db);
  if (!byBucket) limiters.set(db, (byBucket = new Map()));
  let limiter = byBucket.get(bucket);
  if (!limiter) {
    const { points, durationSeconds } = RATE_LIMITS[bucket];
    // Created on first use, never at import: `next build` loads this module without a database.
    limiter = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: bucket, points, duration: durationSeconds });
    byBucket.set(bucket, limiter);
  }
  return limiter;
}

/** Counts one attempt of this client in this bucket and says whether it may go ahead. */
export async function consumeRateLimit({ bucket, address, db = prisma }: { bucket: RateLimitBucket; address: string; db?: Db }): Promise<RateLimitDecision> {
  try {
    const res = await limiterFor(bucket, db).consume(hashAddress(address));
    return { allowed: true, remaining: res.remainingPoints };
  } catch (error) {
    // The library rejects with its RateLimiterRes when the allowance is spent; anything else is a
    // real failure (database down) and goes up like any other.
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
}

/** "Réessayez dans 7 minutes." — the French wording shown to a limited client. */
export function retryAfterLabel(seconds: number): string {
  if (seconds < 60) return `Réessayez dans ${seconds} seconde${seconds > 1 ? "s" : ""}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}
