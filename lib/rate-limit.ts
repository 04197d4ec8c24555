// Per-client rate limits for what anyone can reach without an account: the public contact form, the
// commune autocomplete and the sign-in (the client's address: lib/client-address.ts).
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
  // Wrong passwords from one address, whatever the accounts (password spraying stays under each
  // account's own lock). A successful sign-in gives its point back: a shared connection (a
  // hospital's NAT) is held back by its failures only.
  "sign-in": { points: 20, durationSeconds: 15 * 60 },
  // « Mot de passe oublié »: a person asks once or twice; a script filling strangers' mailboxes
  // with reset e-mails does not get far.
  "password-reset": { points: 5, durationSeconds: 15 * 60 },
} as const;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

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

/** Gives back the point an attempt took (the attempt turned out legitimate: a right password). */
export async function refundRateLimit({ bucket, address, db = prisma }: { bucket: RateLimitBucket; address: string; db?: Db }): Promise<void> {
  await limiterFor(bucket, db).reward(hashAddress(address), 1);
}
