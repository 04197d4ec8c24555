// The demo's year of activity (prisma/demo-history.ts): played through the use cases, so every
// role finds its work on first sign-in and every figure comes from the event log.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { getDashboard } from "@/lib/dashboards/indicators";
import { parisTime, parisYear } from "@/lib/time";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);

async function actorOf(email: string): Promise<Actor> {
  const actor = await loadActor({ db, email });
  if (!actor) throw new Error(`No active account ${email}`);
  return actor;
}

beforeAll(async () => {
  await truncateAll(db);
  await seedDemo({ db, history: true });
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("demo history", () => {
  test("requests at every stage: waiting in the queue, in triage, with the teams, closed", async () => {
    const byStatus = Object.fromEntries((await db.request.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]));
    for (const status of ["SUBMITTED", "TRIAGE", "IN_CARE", "CLOSED"]) expect(byStatus[status], status).toBeGreaterThan(0);
    expect(await db.request.count({ where: { channel: "WEB", requester: { email: "medecin@demo.maillage.fr" } } })).toBeGreaterThan(5);
    expect(await db.request.count({ where: { channel: "PUBLIC" } })).toBeGreaterThan(0);
  });

  test("no request is in the future and every one has its filing event", async () => {
    const now = new Date();
    expect(await db.request.count({ where: { submittedAt: { gt: now } } })).toBe(0);
    expect(await db.event.count({ where: { at: { gt: now } } })).toBe(0);
    const requests = await db.request.count();
    expect(await db.event.count({ where: { type: "request.submitted" } })).toBe(requests);
  });

  test("a request or referral was last updated when its last step happened, not when the demo was loaded", async () => {
    // The history plays back-dated steps: a team's inbox said « mis à jour il y a 8 min » for
    // referrals finished in July.
    const late = await db.$queryRaw<{ kind: string; n: number }[]>`
      SELECT 'referral' AS kind, count(*)::int AS n FROM referral f
      WHERE f.updated_at > (SELECT max(e.at) FROM event e WHERE e.subject_id = f.request_id) + interval '1 second'
      UNION ALL
      SELECT 'request', count(*)::int FROM request r
      WHERE r.updated_at > (SELECT max(e.at) FROM event e WHERE e.subject_id = r.id) + interval '1 second'`;
    expect(late).toEqual([
      { kind: "referral", n: 0 },
      { kind: "request", n: 0 },
    ]);
    const finishedInSummer = await db.referral.count({ where: { status: "COMPLETED", completedAt: { lt: parisTime(parisYear(), 9, 1) } } });
    if (finishedInSummer > 0) {
      expect(
        await db.referral.count({
          where: { status: "COMPLETED", completedAt: { lt: parisTime(parisYear(), 9, 1) }, updatedAt: { gt: parisTime(parisYear(), 9, 1) } },
        }),
      ).toBe(0);
    }
  });

  test("each referral answer comes from a member of the structure that received it", async () => {
    const answers = await db.event.findMany({
      where: { type: { in: ["referral.accepted", "referral.declined", "referral.completed"] } },
      select: { actorId: true, data: true },
    });
    expect(answers.length).toBeGreaterThan(50);
    const memberships = new Set(
      (await db.structureMembership.findMany({ select: { userId: true, structureId: true } })).map((m) => `${m.userId}|${m.structureId}`),
    );
    for (const answer of answers) expect(memberships.has(`${answer.actorId}|${(answer.data as { structureId: string }).structureId}`)).toBe(true);
  });

  test("the ARS reads a year of Grand Est activity, with measured delays", async () => {
    const ars = await actorOf("ars@demo.maillage.fr");
    const year = parisYear();
    const dashboard = await getDashboard({
      db,
      actor: ars,
      level: "region",
      code: "44",
      period: { from: parisTime(year, 1, 1, 0, 0), to: parisTime(year + 1, 1, 1, 0, 0) },
    });
    expect(dashboard.totals.requests.value).toBeGreaterThan(50);
    expect(dashboard.timeToTriage.PLANNED.medianHours).not.toBeNull();
    expect(dashboard.referralsByStructureType.length).toBeGreaterThan(2);
  });

  test("loading the demo again adds nothing", async () => {
    const before = { requests: await db.request.count(), events: await db.event.count() };
    await seedDemo({ db, history: true });
    expect({ requests: await db.request.count(), events: await db.event.count() }).toEqual(before);
  }, 120_000);
});
