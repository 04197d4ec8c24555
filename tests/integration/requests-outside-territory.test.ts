// Requests hors territoire (issue 13, « Nobody's requests »): a request from a commune that no
// territory covers used to be stored and seen by nobody. Now the coordinators of its département
// own it (queue, page, notification), flagged; one gives it a territory — hers or another — or an
// administrator does without reading its patient; its delays then run from its filing, and the
// dashboards count it as unmet until then and for its territory after. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { assignRequestTerritory } from "@/lib/requests/assign-territory";
import { claimRequest } from "@/lib/requests/claim-request";
import { getCoordinationRequest, listCoordinationQueue, listOutsideRequests } from "@/lib/requests/coordination-queries";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { fileTestRequest, VERDUN, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const T0 = new Date("2026-06-10T08:00:00Z"); // a Wednesday, 10:00 in Paris

// Verdun taken out of Meuse Nord: a commune of the Meuse that no territory covers.
async function outsideRequest(urgency: "CRISIS" | "PLANNED" = "CRISIS") {
  await db.territoryCommune.deleteMany({ where: { communeCode: VERDUN } });
  const filed = await fileTestRequest(db, world, { communeCode: VERDUN, urgency }, T0);
  expect(filed.territory).toBeNull();
  return db.request.findUniqueOrThrow({ where: { id: filed.id }, select: { id: true, number: true, version: true, territoryId: true, triageDueAt: true } });
}

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe("a request from a commune no territory covers", () => {
  test("reaches the coordinators of its département — queue, page and bell — flagged, and nobody else", async () => {
    const request = await outsideRequest();
    expect(request.triageDueAt).toBeNull();

    const queue = await listCoordinationQueue({ db, actor: world.idec, filters: {}, now: T0 });
    expect(queue.items.map((i) => [i.id, i.territoryName])).toEqual([[request.id, null]]);
    expect(queue.counts.outside).toBe(1);
    const onlyOutside = await listCoordinationQueue({ db, actor: world.idec, filters: { outside: "1" }, now: T0 });
    expect(onlyOutside.items.map((i) => i.id)).toEqual([request.id]);
    expect((await getCoordinationRequest({ db, actor: world.otherIdec, requestId: request.id })).territory).toBeNull();

    // Another département's coordinator: neither in her queue nor by its address.
    expect((await listCoordinationQueue({ db, actor: world.pacaIdec, filters: {}, now: T0 })).items).toEqual([]);
    expect(await code(getCoordinationRequest({ db, actor: world.pacaIdec, requestId: request.id }))).toBe("NOT_FOUND");

    // Told at once: both coordinators of the Meuse, with words that say it is theirs to place.
    const told = await db.notification.findMany({ where: { requestId: request.id }, select: { userId: true, kind: true, title: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.idec.id, world.otherIdec.id].sort());
    expect(told.every((n) => n.kind === "REQUEST_SUBMITTED" && /hors territoire/.test(n.title))).toBe(true);
  });

  test("is claimed only once it has a territory; given to hers, its delays run from the filing and it is counted there", async () => {
    const request = await outsideRequest();
    expect(await code(claimRequest({ db, actor: world.idec, requestId: request.id }))).toBe("INVALID_TRANSITION");
    const fact = async () =>
      (await db.$queryRaw<{ territory_id: string | null }[]>`SELECT territory_id FROM request_fact WHERE request_id = ${request.id}`)[0]?.territory_id;
    expect(await fact()).toBeNull(); // unmet until then

    // A stale page is refused; the current one goes through.
    expect(
      await code(
        assignRequestTerritory({
          db,
          actor: world.idec,
          input: { requestId: request.id, version: request.version + 1, territoryId: world.territories["meuse-nord"]! },
        }),
      ),
    ).toBe("CONFLICT");
    const later = new Date(T0.getTime() + 3 * 3_600_000);
    const done = await assignRequestTerritory({
      db,
      actor: world.idec,
      input: { requestId: request.id, version: request.version, territoryId: world.territories["meuse-nord"]! },
      now: later,
    });
    expect(done).toMatchObject({ territoryName: "Meuse Nord (Verdun)", mine: true, admin: false });

    // A crisis of Meuse Nord filed at T0: triage due 4 hours after the filing, not after the assignment.
    const after = await db.request.findUniqueOrThrow({
      where: { id: request.id },
      select: { territoryId: true, triageDueAt: true, dueClock: true, version: true },
    });
    expect(after.territoryId).toBe(world.territories["meuse-nord"]);
    expect(after.triageDueAt).toEqual(new Date(T0.getTime() + 4 * 3_600_000));
    expect(after.version).toBe(request.version + 1);
    const event = await db.event.findFirstOrThrow({ where: { subjectId: request.id, type: "request.territory_assigned" } });
    expect(event).toMatchObject({ actorId: world.idec.id, data: { territoryId: world.territories["meuse-nord"], from: null } });
    const timeline = await getRequestTimeline({ actor: world.idec, requestId: request.id });
    expect(timeline.map((e) => e.text)).toContain("Demande hors territoire rattachée au territoire Meuse Nord (Verdun)");

    // The dashboards' projection follows, and so does a rebuild from the event log.
    expect(await fact()).toBe(world.territories["meuse-nord"]);
    await db.$executeRaw`SELECT dashboard_rebuild()`;
    expect(await fact()).toBe(world.territories["meuse-nord"]);

    await claimRequest({ db, actor: world.idec, requestId: request.id });
    expect(
      await code(
        assignRequestTerritory({
          db,
          actor: world.idec,
          input: { requestId: request.id, version: after.version + 1, territoryId: world.territories["meuse-sud"]! },
        }),
      ),
    ).toBe("INVALID_TRANSITION");
  });

  test("an administrator gives it to another territory without reading its patient; it leaves the Meuse's queue", async () => {
    const request = await outsideRequest("PLANNED");
    const listed = await listOutsideRequests({ db, actor: world.admin });
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0]!).sort()).toEqual(["communeName", "departmentCode", "id", "needs", "number", "submittedAt", "urgency", "version"]);
    expect(await code(listOutsideRequests({ db, actor: world.idec }))).toBe("FORBIDDEN");

    const done = await assignRequestTerritory({
      db,
      actor: world.admin,
      input: { requestId: request.id, version: request.version, territoryId: world.territories["vosges"]! },
    });
    expect(done).toMatchObject({ mine: false, admin: true });
    expect(await code(getCoordinationRequest({ db, actor: world.idec, requestId: request.id }))).toBe("NOT_FOUND");
    expect(await listOutsideRequests({ db, actor: world.admin })).toEqual([]);
  });

  test("nobody else may give it a territory: another département's coordinator, a GP, a team, the ARS", async () => {
    const request = await outsideRequest();
    const input = { requestId: request.id, version: request.version, territoryId: world.territories["bouches-du-rhone"]! };
    expect(await code(assignRequestTerritory({ db, actor: world.pacaIdec, input }))).toBe("NOT_FOUND");
    for (const actor of [world.gp, world.emsp, world.ars]) expect(await code(assignRequestTerritory({ db, actor, input }))).toBe("FORBIDDEN");
    expect(await code(assignRequestTerritory({ db, actor: world.idec, input: { ...input, territoryId: "unknown" } }))).toBe("INVALID_INPUT");
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id }, select: { territoryId: true } })).territoryId).toBeNull();
  });
});
