// Issue 16: the long lists are read by pages after a cursor (lib/pagination.ts), in a stable
// order: walking every page gives each item once, in the same order as one read of everything,
// and a request filed while the nurse pages never makes one show twice or disappear.
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { claimRequest } from "@/lib/requests/claim-request";
import { listCoordinationQueue } from "@/lib/requests/coordination-queries";
import { orientRequest } from "@/lib/requests/orient-request";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { listTeamInbox } from "@/lib/referrals/team-queries";
import { encodeCursor } from "@/lib/pagination";
import { parisTime } from "@/lib/time";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

async function walk<T extends { id: string }>(read: (cursor: string | undefined) => Promise<{ items: T[]; next: string | null }>) {
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const { items, next } = await read(cursor);
    seen.push(...items.map((i) => i.id));
    sizes.push(items.length);
    if (!next) return { seen, sizes };
    cursor = next;
  }
  throw new Error("the pages never end");
}

describe("the coordinator's queue by pages", () => {
  // Every group of the queue's order: due for triage, due for first contact, contacted, no due date.
  async function mixedQueue() {
    const monday = parisTime(2026, 11, 30, 9, 0);
    for (let i = 0; i < 4; i++) await fileTestRequest(db, world, { urgency: i % 2 ? "CRISIS" : "PLANNED" }, new Date(monday.getTime() + i * 3600_000));
    for (let i = 0; i < 3; i++) {
      const filed = await fileTestRequest(db, world, {}, new Date(monday.getTime() - (i + 1) * 86400_000));
      await claimRequest({ db, actor: world.idec, requestId: filed.id, now: monday });
    }
    const contacted = await db.request.findMany({ where: { status: "TRIAGE" }, take: 2, orderBy: { number: "asc" } });
    for (const [i, r] of contacted.entries())
      await db.request.update({ where: { id: r.id }, data: { firstContactAt: new Date(monday.getTime() + i * 60_000) } });
    // Two with no due date (a request filed before the territory had its delays).
    const [a, b] = [await fileTestRequest(db, world), await fileTestRequest(db, world)];
    await db.request.update({ where: { id: a.id }, data: { triageDueAt: null } });
    await claimRequest({ db, actor: world.idec, requestId: b.id });
    await db.request.update({ where: { id: b.id }, data: { contactDueAt: null } });
  }

  test("walking every page gives each request once, in the order of one read of everything", async () => {
    await mixedQueue();
    const all = await listCoordinationQueue({ db, actor: world.idec, filters: {}, limit: 1000 });
    expect(all.items).toHaveLength(9);
    expect(all.next).toBeNull();
    expect(new Set(all.items.map((i) => i.due.kind))).toEqual(new Set(["triage", "contact", "contacted", "none"]));
    for (const limit of [1, 2, 4]) {
      const { seen, sizes } = await walk((cursor) => listCoordinationQueue({ db, actor: world.idec, filters: {}, cursor, limit }));
      expect(seen).toEqual(all.items.map((i) => i.id));
      expect(sizes.slice(0, -1).every((n) => n === limit)).toBe(true);
    }
    // With a filter, the pages walk the filtered list; counts stay those of the whole queue.
    const triage = await walk((cursor) => listCoordinationQueue({ db, actor: world.idec, filters: { status: "TRIAGE" }, cursor, limit: 2 }));
    expect(triage.seen).toEqual(all.items.filter((i) => i.status === "TRIAGE").map((i) => i.id));
  });

  test("a request filed between two pages shows once, and none of the others is skipped", async () => {
    await mixedQueue();
    const before = (await listCoordinationQueue({ db, actor: world.idec, filters: {}, limit: 1000 })).items.map((i) => i.id);
    const first = await listCoordinationQueue({ db, actor: world.idec, filters: {}, limit: 3 });
    // A crisis filed now is due soonest: it belongs before the cursor and is not repeated after it.
    const crisis = await fileTestRequest(db, world, { urgency: "CRISIS" });
    const rest = await walk((cursor) => listCoordinationQueue({ db, actor: world.idec, filters: {}, cursor: cursor ?? first.next!, limit: 3 }));
    const seen = [...first.items.map((i) => i.id), ...rest.seen];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id !== crisis.id)).toEqual(before);
  });

  test("a cursor that does not decode reads as the first page; another coordinator's scope still holds", async () => {
    await mixedQueue();
    const first = await listCoordinationQueue({ db, actor: world.idec, filters: {}, limit: 3 });
    for (const cursor of ["not-a-cursor", encodeCursor(["x", 1, 2]), encodeCursor([7, 0, 0])]) {
      expect((await listCoordinationQueue({ db, actor: world.idec, filters: {}, cursor, limit: 3 })).items.map((i) => i.id)).toEqual(
        first.items.map((i) => i.id),
      );
    }
    expect((await listCoordinationQueue({ db, actor: world.pacaIdec, filters: {}, cursor: first.next!, limit: 3 })).items).toEqual([]);
  });
});

describe("the team's patients in care by pages", () => {
  test("crises first, then the oldest proposal; every page after the last one read", async () => {
    const monday = parisTime(2026, 11, 30, 9, 0);
    for (let i = 0; i < 7; i++) {
      const at = new Date(monday.getTime() + i * 3600_000);
      const filed = await fileTestRequest(db, world, { urgency: i % 3 === 0 ? "CRISIS" : "PLANNED" }, at);
      await claimRequest({ db, actor: world.idec, requestId: filed.id, now: at });
      const version = (await db.request.findUniqueOrThrow({ where: { id: filed.id } })).version;
      await orientRequest({ db, actor: world.idec, input: { requestId: filed.id, version, structureIds: [world.structures.emsp] }, now: at });
      const referral = await db.referral.findFirstOrThrow({ where: { requestId: filed.id } });
      if (i !== 5) await acceptReferral({ db, actor: world.emsp, input: { referralId: referral.id, version: referral.version }, now: at });
    }
    const all = await listTeamInbox({ db, actor: world.emsp, limit: 100 });
    expect(all).toMatchObject({ activeCount: 6, activeNext: null });
    expect(all.new).toHaveLength(1);
    expect(all.active.map((i) => i.request.urgency)).toEqual(["CRISIS", "CRISIS", "CRISIS", "PLANNED", "PLANNED", "PLANNED"]);
    for (const limit of [1, 2, 4]) {
      const { seen } = await walk(async (cursor) => {
        const inbox = await listTeamInbox({ db, actor: world.emsp, cursor, limit });
        expect(inbox.activeCount).toBe(6);
        return { items: inbox.active, next: inbox.activeNext };
      });
      expect(seen).toEqual(all.active.map((i) => i.id));
    }
    // Another team's cursor opens nothing of this one.
    const page = await listTeamInbox({ db, actor: world.emsp, limit: 2 });
    expect((await listTeamInbox({ db, actor: world.had, cursor: page.activeNext!, limit: 2 })).active).toEqual([]);
  });
});
