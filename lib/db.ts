import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per server process (kept on globalThis so that dev hot reloads do not open a new pool
// each time). Imported only by lib/<domain> data code and tests.
const globalForPrisma = globalThis as unknown as { maillagePrisma?: PrismaClient; maillageReplica?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

function getPrisma(): PrismaClient {
  globalForPrisma.maillagePrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.maillagePrisma;
}

// The read replica (DATABASE_REPLICA_URL) when there is one, else the primary itself.
function getReplica(): PrismaClient {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return getPrisma();
  globalForPrisma.maillageReplica ??= createPrismaClient(url);
  return globalForPrisma.maillageReplica;
}

// Lazy proxies: importing this module never connects nor reads the environment (safe at build time).
function lazy(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const client = get();
      const value = Reflect.get(client, property, client) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
    },
  });
}

export const prisma: PrismaClient = lazy(getPrisma);
/**
 * For the dashboards and the large reads only, never a write: a replica lags the primary by a
 * moment, so nothing that must see what was just written reads here.
 */
export const replica: PrismaClient = lazy(getReplica);

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
