import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per server process (kept on globalThis so that dev hot reloads do not open a new pool
// each time). Imported only by lib/<domain> data code and tests.
const globalForPrisma = globalThis as unknown as { maillagePrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

function getPrisma(): PrismaClient {
  globalForPrisma.maillagePrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.maillagePrisma;
}

// Lazy proxy: importing this module never connects nor reads the environment (safe at build time).
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
