// The projection of the event log in SQL: the opening-hours clock, the cube's catch-up under
// concurrent writers, unmet needs per commune, configurable norms.
import pg from "pg";
import { describe, expect, test } from "vitest";
import { addOpeningHours } from "@/lib/requests/due-dates";
import { parisTime } from "@/lib/time";
import type { OpeningHours } from "@/lib/territories/opening-hours";
import { claimRequest } from "@/lib/requests/claim-request";
import { flagUnmetNeeds } from "@/lib/requests/flag-unmet-needs";
import { getDashboard } from "@/lib/dashboards/indicators";
import { getCoverageNorms, NATIONAL_NORMS, setCoverageNorms } from "@/lib/dashboards/norms";
import { BAR_LE_DUC, fileTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const MARCH = { from: parisTime(2026, 3, 1, 0, 0), to: parisTime(2026, 4, 1, 0, 0) };

describe("dashboard_opening_hours (SQL) measures what addOpeningHours (TypeScript) adds", () => {
  const weekdays: OpeningHours = {
    mon: [["08:00", "20:00"]],
    tue: [["08:00", "20:00"]],
    wed: [["08:00", "20:00"]],
    thu: [["08:00", "20:00"]],
    fri: [["08:00", "20:00"]],
    sat: [["09:00", "13:00"]],
    sun: [],
  };
  const split: OpeningHours = {
    mon: [
      ["08:30", "12:00"],
      ["13:30", "17:30"],
    ],
    wed: [["09:00", "12:00"]],
    fri: [["14:00", "18:00"]],
  };
  const always: OpeningHours = {
    mon: [["00:00", "24:00"]],
    tue: [["00:00", "24:00"]],
    wed: [["00:00", "24:00"]],
    thu: [["00:00", "24:00"]],
    fri: [["00:00", "24:00"]],
    sat: [["00:00", "24:00"]],
    sun: [["00:00", "24:00"]],
  };

  test("on random starts and delays, including the daylight-saving weeks", async () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const cases: { hours: OpeningHours; start: Date; delay: number }[] = [];
    for (const hours of [weekdays, split]) {
      for (let i = 0; i < 40; i++) {
        // Around the spring and autumn changes of 2026 (29 March, 25 October) and elsewhere.
        const base = [parisTime(2026, 3, 25, 0, 0), parisTime(2026, 10, 21, 0, 0), parisTime(2026, 6, 1, 0, 0)][i % 3]!;
        const start = new Date(base.getTime() + Math.floor(random() * 7 * 24 * 60) * 60_000);
        cases.push({ hours, start, delay: [1, 2.5, 4, 24, 48, 120, 400][i % 7]! });
      }
    }
    for (const { hours, start, delay } of cases) {
      const end = addOpeningHours(start, delay, hours);
      const [row] = await db.$queryRaw<
        { h: number }[]
      >`SELECT dashboard_opening_hours(${JSON.stringify(hours)}::jsonb, ${start}::timestamptz, ${end}::timestamptz) AS h`;
      // addOpeningHours works in whole minutes.
      expect(Math.abs(row!.h - delay), `${start.toISOString()} + ${delay} h → ${end.toISOString()}`).toBeLessThan(1 / 60 + 1e-9);
    }
  });

  test("no opening hours at all: calendar hours; round the clock: wall-clock hours (the hour lost in March is counted)", async () => {
    const from = parisTime(2026, 3, 28, 12, 0);
    const to = parisTime(2026, 3, 29, 12, 0); // 23 real hours: clocks go forward on the 29th
    const [row] = await db.$queryRaw<{ none: number; always: number }[]>`
      SELECT dashboard_opening_hours('{}'::jsonb, ${from}::timestamptz, ${to}::timestamptz) AS none,
             dashboard_opening_hours(${JSON.stringify(always)}::jsonb, ${from}::timestamptz, ${to}::timestamptz) AS always`;
    // Real time: 23 h; a slot over 02:00-03:00 on a daylight-saving Sunday counts its wall-clock length.
    expect(row).toEqual({ none: 23, always: 24 });
  });
});

describe("the cube catches up with the facts", () => {
  test("a change committed after a refresh started is taken by the next one (transaction horizon, not an id cursor)", async () => {
    const filed = await fileTestRequest(db, world, { urgency: "PLANNED" }, parisTime(2026, 3, 2, 9, 0));
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // A writer's transaction is under way (the claim's event is written, not committed)...
      await client.query("BEGIN");
      await client.query(`INSERT INTO "event" (type, actor_id, at, subject_type, subject_id, data) VALUES ('request.claimed', $1, $2, 'request', $3, '{}')`, [
        world.idec.id,
        parisTime(2026, 3, 2, 10, 0),
        filed.id,
      ]);
      // ...when a dashboard is read: the cube cannot see it yet.
      const during = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
      expect(during.timeToTriage.PLANNED.measured.value).toBe(0);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const after = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
    expect(after.timeToTriage.PLANNED).toMatchObject({ measured: { value: 1 }, medianHours: 1 });
  });

  test("reading when nothing changed writes nothing", async () => {
    await fileTestRequest(db, world, {}, parisTime(2026, 3, 2, 9, 0));
    await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
    // The refresh keeps its whole snapshot (xmax and the transactions running then): a transaction
    // left open elsewhere on the server (another database's) does not make it count again.
    const [before] = await db.$queryRaw<{ refreshed_at: Date }[]>`SELECT refreshed_at FROM dashboard_projection`;
    expect(await db.$queryRaw`SELECT dashboard_refresh() AS n`).toEqual([{ n: 0 }]);
    const [after] = await db.$queryRaw<{ refreshed_at: Date }[]>`SELECT refreshed_at FROM dashboard_projection`;
    expect(after).toEqual(before);
  });
});

describe("unmet needs", () => {
  test("by need, and by commune from 5 requests: a commune with fewer is never listed on its own", async () => {
    const [small, large] = await db.commune.findMany({
      where: { departmentCode: "55", code: { not: BAR_LE_DUC } },
      orderBy: { code: "asc" },
      take: 2,
      select: { code: true, name: true },
    });
    await db.territoryCommune.deleteMany({ where: { communeCode: { in: [small!.code, large!.code] } } });
    const person = (i: number) => ({ birthName: `Patient${i}`, firstNames: "Test", birthDate: new Date(Date.UTC(1950, 0, i)) });
    for (let i = 1; i <= 6; i++)
      await fileTestRequest(db, world, { ...person(i), communeCode: large!.code, needs: ["PAIN"], urgency: "PLANNED" }, parisTime(2026, 3, 2, 9, i));
    for (let i = 7; i <= 8; i++)
      await fileTestRequest(db, world, { ...person(i), communeCode: small!.code, needs: ["PAIN", "SOCIAL"], urgency: "PLANNED" }, parisTime(2026, 3, 2, 10, i));

    const idec = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
    expect(idec.unmetNeeds.map((u) => [u.need, u.communeCode, u.communeName, u.count.value])).toEqual([
      ["PAIN", null, null, 8],
      ["SOCIAL", null, null, 2],
      ["PAIN", large!.code, large!.name, 6],
    ]);
    expect(idec.totals.unmetRequests).toEqual({ value: 8, masked: false });
    // For the administrator, 8 for pain next to 6 in the one commune listed would tell that 2
    // come from small communes: the 8 is masked too.
    const admin = await getDashboard({ db, actor: world.admin, level: "department", code: "55", period: MARCH });
    expect(admin.unmetNeeds.map((u) => [u.need, u.communeCode, u.count])).toEqual([
      ["PAIN", null, { value: null, masked: true, reason: "secondary" }],
      ["SOCIAL", null, { value: null, masked: true, reason: "small" }],
      ["PAIN", large!.code, { value: 6, masked: false }],
    ]);
  });

  test("needs the routing could not serve, flagged when the coordinator opens the request, count as unmet", async () => {
    const filed = await fileTestRequest(db, world, { needs: ["NUTRITION", "PAIN"], urgency: "PLANNED" }, parisTime(2026, 3, 2, 9, 0));
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: parisTime(2026, 3, 2, 10, 0) });
    const { unmetNeeds } = await flagUnmetNeeds({ db, actor: world.idec, requestId: filed.id, now: parisTime(2026, 3, 2, 10, 5) });
    expect(unmetNeeds.length).toBeGreaterThan(0); // no structure of the test world offers anything
    const idec = await getDashboard({ db, actor: world.idec, level: "territory", code: world.territories["meuse-sud"]!, period: MARCH });
    expect(idec.totals.unmetRequests).toEqual({ value: 1, masked: false });
    expect(
      idec.unmetNeeds
        .filter((u) => u.communeCode === null)
        .map((u) => u.need)
        .sort(),
    ).toEqual([...unmetNeeds].sort());
  });
});

describe("coverage norms", () => {
  test("the national norms by default; an administrator may set the deployment's own", async () => {
    expect(await getCoverageNorms(db)).toEqual(NATIONAL_NORMS);
    await expect(setCoverageNorms({ db, actor: world.ars, norms: { mobileTeamsPer200k: 2, palliativeBedsPer100k: 8 } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await setCoverageNorms({ db, actor: world.admin, norms: { mobileTeamsPer200k: 2, palliativeBedsPer100k: 8 } });
    const dashboard = await getDashboard({ db, actor: world.ars, level: "department", code: "55", period: MARCH });
    expect(dashboard.coverage.every((c) => c.mobileTeamsNorm === 2 && c.palliativeBedsNorm === 8)).toBe(true);
  });

  test("identified palliative beds of the LISP structures of a territory, per 100,000 inhabitants", async () => {
    await db.structure.create({ data: { name: "LISP du CH de Bar-le-Duc", type: "LISP", territoryId: world.territories["meuse-sud"]!, beds: 6 } });
    await db.structure.create({ data: { name: "LISP fermé", type: "LISP", territoryId: world.territories["meuse-sud"]!, beds: 4, active: false } });
    const sud = await getDashboard({ db, actor: world.ars, level: "territory", code: world.territories["meuse-sud"]!, period: MARCH });
    const [row] = sud.coverage;
    expect(row).toMatchObject({ palliativeBeds: 6, mobileTeams: 1 });
    expect(row!.palliativeBedsPer100k).toBeCloseTo((6 / row!.population) * 100_000, 2);
    expect(row!.meetsBedNorm).toBe((6 / row!.population) * 100_000 >= 5);
  });
});
