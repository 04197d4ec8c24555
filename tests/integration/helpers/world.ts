// The usual start of an integration test file: its own client on the run's database, emptied and
// filled with the test world before each test, disconnected at the end.
//
//   let world: World;
//   const db = freshWorldPerTest((w) => (world = w));
import { afterAll, beforeEach } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createWorld, type World } from "@/tests/factories/world";
import { truncateAll } from "./db";

export function freshWorldPerTest(onWorld: (world: World) => void): PrismaClient {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  beforeEach(async () => {
    await truncateAll(db);
    onWorld(await createWorld(db));
  }, 60_000);
  afterAll(() => db.$disconnect());
  return db;
}
