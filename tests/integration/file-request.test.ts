import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { fileRequest } from "@/lib/requests/file-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { parisTime } from "@/lib/time";
import { createWorld, fileTestRequest, PARIS, PATIENT, VERDUN, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
const NANCY = "54395"; // Meurthe-et-Moselle
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

describe("fileRequest", () => {
  test("a GP's request goes to the commune's territory with due dates, and is an event", async () => {
    const filed = await fileTestRequest(db, world, { urgency: "PLANNED" }, parisTime(2026, 11, 27, 19, 0));
    expect(filed.territory).toEqual({ name: "Meuse Sud (Bar-le-Duc)", publicPhone: "03 53 01 55 20" });
    // Planned: 24 opening hours (Mon–Fri 8–20, Sat 9–13) from Friday 19:00 → Tuesday 15:00.
    expect(filed.triageDueAt?.toISOString()).toBe(parisTime(2026, 12, 1, 15, 0).toISOString());
    expect(filed.dueClock).toBe("OPENING_HOURS");
    const request = await db.request.findUniqueOrThrow({ where: { id: filed.id } });
    expect(request).toMatchObject({
      status: "SUBMITTED",
      channel: "WEB",
      requesterKind: "GP",
      requesterId: world.gp.id,
      territoryId: world.territories["meuse-sud"],
      needs: ["PAIN", "PALLIATIVE_CARE"],
      version: 0,
      dueClock: "OPENING_HOURS",
    });
    const events = await db.event.findMany({ where: { subjectId: filed.id } });
    expect(events).toEqual([expect.objectContaining({ type: "request.submitted", actorId: world.gp.id })]);
    // The filing's facts the dashboards' projection reads (lib/dashboards/projection-keys.test.ts).
    expect(events[0]!.data).toMatchObject({ requesterKind: "GP", communeCode: request.communeCode, territoryId: request.territoryId });
    // The event log holds ids and codes, never the patient's name or the free text.
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/Durand|Jeanne|morphine/);
  });

  // Issue 18: the form promised « réponse sous 24-48 h », and a Friday-evening crisis was counted in
  // opening hours — its first contact came 134 calendar hours later. A crisis runs on the
  // territory's crisis clock: Meuse Sud has an on-call every day 8–20 (4 h triage, 24 h contact,
  // holidays included), Meurthe-et-Moselle counts day and night (2 h, 24 h).
  test("a crisis filed on Friday at 19:00 is answered within 48 real hours: on the on-call clock and on the calendar clock", async () => {
    const friday = parisTime(2026, 11, 27, 19, 0);
    const meuse = await fileTestRequest(db, world, {}, friday);
    expect([meuse.dueClock, meuse.triageDueAt?.toISOString(), meuse.contactDueAt?.toISOString()]).toEqual([
      "ON_CALL",
      parisTime(2026, 11, 28, 11, 0).toISOString(),
      parisTime(2026, 11, 29, 19, 0).toISOString(),
    ]);
    const nancy = await fileTestRequest(db, world, { communeCode: NANCY }, friday);
    expect(nancy.territory?.name).toBe("Meurthe-et-Moselle");
    expect([nancy.dueClock, nancy.triageDueAt?.toISOString(), nancy.contactDueAt?.toISOString()]).toEqual([
      "CALENDAR",
      parisTime(2026, 11, 27, 21, 0).toISOString(),
      parisTime(2026, 11, 28, 19, 0).toISOString(),
    ]);
    for (const filed of [meuse, nancy]) expect((filed.contactDueAt!.getTime() - friday.getTime()) / 3_600_000).toBeLessThanOrEqual(48);
    expect(await db.request.findUniqueOrThrow({ where: { id: meuse.id }, select: { dueClock: true, contactDueAt: true } })).toEqual({
      dueClock: "ON_CALL",
      contactDueAt: meuse.contactDueAt,
    });
  });

  test("a crisis filed on the eve of a public holiday (Christmas, a Friday) is not put off by it", async () => {
    const eve = parisTime(2026, 12, 24, 19, 0);
    const meuse = await fileTestRequest(db, world, {}, eve);
    expect([meuse.triageDueAt?.toISOString(), meuse.contactDueAt?.toISOString()]).toEqual([
      parisTime(2026, 12, 25, 11, 0).toISOString(),
      parisTime(2026, 12, 26, 19, 0).toISOString(),
    ]);
    const nancy = await fileTestRequest(db, world, { communeCode: NANCY }, eve);
    expect(nancy.contactDueAt?.toISOString()).toBe(parisTime(2026, 12, 25, 19, 0).toISOString());
  });

  test("the same birth name, first names, birth date and sex is the same patient, never a twin", async () => {
    const a = await fileTestRequest(db, world);
    const b = await fileRequest({
      db,
      channel: "WEB",
      actor: world.otherGp,
      input: { ...PATIENT, birthName: "DURAND ", firstNames: "jeanne", communeCode: VERDUN },
    });
    const [ra, rb] = await Promise.all([db.request.findUniqueOrThrow({ where: { id: a.id } }), db.request.findUniqueOrThrow({ where: { id: b.id } })]);
    expect(ra.patientId).toBe(rb.patientId);
    expect(await db.patient.count()).toBe(1);
    expect(rb.territoryId).toBe(world.territories["meuse-nord"]);
    await fileTestRequest(db, world, { firstNames: "Jeanne Marie" });
    expect(await db.patient.count()).toBe(2);
  });

  test("a commune no territory covers is recorded as an unmet need, never dropped", async () => {
    const filed = await fileTestRequest(db, world, { communeCode: PARIS });
    expect(filed.territory).toBeNull();
    expect(filed.triageDueAt).toBeNull();
    expect(await db.request.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ territoryId: null, status: "SUBMITTED" });
  });

  test("a public contact becomes a request on the commune's territory, with no patient yet and no actor", async () => {
    const filed = await fileRequest({
      db,
      channel: "PUBLIC",
      actor: null,
      input: {
        requesterName: "Paul Durand",
        requesterPhone: "06 12 34 56 78",
        requesterRelation: "fils",
        communeCode: VERDUN,
        needs: ["CARER_RESPITE"],
        consentCoordination: true,
      },
    });
    expect(filed.territory?.name).toBe("Meuse Nord (Verdun)");
    expect(await db.request.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      channel: "PUBLIC",
      requesterKind: "PATIENT_FAMILY",
      patientId: null,
      urgency: "PLANNED",
    });
    expect((await db.event.findFirstOrThrow({ where: { subjectId: filed.id } })).actorId).toBeNull();
  });

  test("only GPs file through the web form, only coordinators take phone requests", async () => {
    await expect(fileRequest({ db, channel: "WEB", actor: world.emsp, input: PATIENT })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      fileRequest({
        db,
        channel: "PHONE",
        actor: world.gp,
        input: { ...PATIENT, channel: "PHONE", requesterKind: "GP", requesterName: "X", requesterPhone: "0612345678" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("an unknown commune is refused at the field", async () => {
    await expect(fileTestRequest(db, world, { communeCode: "99999" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { communeCode: expect.any(Array) },
    });
  });
});

describe("claimRequest", () => {
  test("a coordinator of the territory takes a new request into triage", async () => {
    const filed = await fileTestRequest(db, world);
    await claimRequest({ db, actor: world.idec, requestId: filed.id });
    expect(await db.request.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: "TRIAGE", ownerId: world.idec.id, version: 1 });
    expect((await db.event.findMany({ where: { subjectId: filed.id }, orderBy: { id: "asc" } })).map((e) => e.type)).toEqual([
      "request.submitted",
      "request.claimed",
    ]);
  });

  test("two coordinators claiming at once: exactly one wins, the other is told who did", async () => {
    const filed = await fileTestRequest(db, world);
    // A true race: both claims have read the request (still new) before either writes. Left to
    // timing, the first claim used to be done before the second began, and a claim that did not
    // check the status in its write would have passed this test.
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const racing = db.$extends({
      query: {
        request: {
          async updateMany({ args, query }) {
            if (++arrived === 2) release();
            await bothRead;
            return query(args);
          },
        },
      },
    }) as unknown as typeof db;
    const results = await Promise.allSettled([
      claimRequest({ db: racing, actor: world.idec, requestId: filed.id }),
      claimRequest({ db: racing, actor: world.otherIdec, requestId: filed.id }),
    ]);
    expect(arrived).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Cette demande vient d'être prise en charge par (Sophie Lambert|Luc Girard)\.$/),
    });
    expect(await db.event.count({ where: { subjectId: filed.id, type: "request.claimed" } })).toBe(1);
  });

  test("a coordinator of another territory cannot even see it; other roles may not claim", async () => {
    const filed = await fileTestRequest(db, world);
    await expect(claimRequest({ db, actor: world.pacaIdec, requestId: filed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(claimRequest({ db, actor: world.gp, requestId: filed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimRequest({ db, actor: world.admin, requestId: filed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.request.findUniqueOrThrow({ where: { id: filed.id } })).status).toBe("SUBMITTED");
  });
});
