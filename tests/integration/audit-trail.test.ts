// Issue 12 (the audit trail): the event table is append-only in the database, and a click-through
// on a record is one consultation in the trail, not eight.
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { recordRequestView, VIEW_DEDUP_MINUTES } from "@/lib/requests/record-view";
import { claimRequest } from "@/lib/requests/claim-request";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

describe("the event table", () => {
  test("takes new events, and refuses UPDATE and DELETE, through the ORM or in SQL", async () => {
    const filed = await fileTestRequest(db, world);
    const event = await db.event.findFirstOrThrow({ where: { subjectId: filed.id } });
    await expect(db.event.update({ where: { id: event.id }, data: { actorId: null } })).rejects.toThrow(/en ajout seul : UPDATE refusé/);
    await expect(db.event.deleteMany({ where: { subjectId: filed.id } })).rejects.toThrow(/en ajout seul : DELETE refusé/);
    await expect(db.$executeRaw`UPDATE "event" SET data = '{}' WHERE id = ${event.id}`).rejects.toThrow(/en ajout seul/);
    await expect(db.$executeRaw`DELETE FROM "event"`).rejects.toThrow(/en ajout seul/);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    await db.event.create({ data: { type: "auth.sign_in", actorId: world.gp.id, subjectType: "user", subjectId: world.gp.id } });
  });
});

describe("consultations of a record", () => {
  const views = (requestId: string) => db.event.count({ where: { subjectId: requestId, type: "request.viewed" } });

  test("openings by the same person within a few minutes, with nothing new in between, count once", async () => {
    const filed = await fileTestRequest(db, world);
    const t0 = new Date();
    const open = (minutes: number, actor = world.idec) =>
      recordRequestView({ db, actor, requestId: filed.id, patientId: null, now: new Date(t0.getTime() + minutes * 60_000) });
    await open(0);
    await open(1);
    await open(2);
    expect(await views(filed.id)).toBe(1);
    // Another person: their own consultation.
    await open(2, world.otherIdec);
    expect(await views(filed.id)).toBe(2);
    // Later than the window: a new consultation.
    await open(2 + VIEW_DEDUP_MINUTES + 1);
    expect(await views(filed.id)).toBe(3);
  });

  test("a change in between makes the next opening a consultation of its own (the « Nouveau » badge goes by it)", async () => {
    const filed = await fileTestRequest(db, world);
    const t0 = new Date();
    await recordRequestView({ db, actor: world.idec, requestId: filed.id, patientId: null, now: t0 });
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: new Date(t0.getTime() + 30_000) });
    await recordRequestView({ db, actor: world.idec, requestId: filed.id, patientId: null, now: new Date(t0.getTime() + 60_000) });
    expect(await views(filed.id)).toBe(2);
  });

  test("two tabs opened at once write one consultation", async () => {
    const filed = await fileTestRequest(db, world);
    const now = new Date();
    // Both look for a recent opening at the same moment when nothing keeps them apart: each waits
    // (up to a second) for the other before looking. With the lock on the pair, the second waits
    // for the first's commit instead, and finds its opening.
    let arrived = 0;
    let release!: () => void;
    const both = new Promise<void>((resolve) => (release = resolve));
    const racing = db.$extends({
      query: {
        event: {
          async findFirst({ args, query }) {
            if (++arrived === 2) release();
            await Promise.race([both, new Promise((resolve) => setTimeout(resolve, 1000))]);
            return query(args);
          },
        },
      },
    }) as unknown as typeof db;
    await Promise.all([0, 1].map(() => recordRequestView({ db: racing, actor: world.gp, requestId: filed.id, patientId: null, now })));
    expect(await views(filed.id)).toBe(1);
  });
});
