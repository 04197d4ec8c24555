// Parallel referrals (issue 13, « During care »): the coordinator solicited several structures; when
// one team accepts, she is offered to withdraw the others still waiting — or, where the territory
// asks for it, those of the same type are withdrawn at once. Each team withdrawn is told; the
// timeline says why (the teams' notice is that of any withdrawn referral). Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { withdrawParallelReferrals } from "@/lib/requests/withdraw-parallel-referrals";
import { fileTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );

// A second HAD in Meuse Sud, so that two structures of the same type are solicited in parallel.
async function solicitedInParallel() {
  const territoryId = world.territories["meuse-sud"]!;
  const had2 = await db.structure.create({
    data: { name: "HAD Lorraine Sud", type: "HAD", territoryId, phone: "03 53 01 55 98" },
    select: { id: true },
  });
  const filed = await fileTestRequest(db, world, {}, NOW);
  await claimRequest({ db, actor: world.idec, requestId: filed.id, now: minutes(1) });
  await orientRequest({
    db,
    actor: world.idec,
    input: {
      requestId: filed.id,
      version: await version(filed.id),
      structureIds: [world.structures.had, had2.id, world.structures.emsp],
      overrideReason: "Deux HAD sollicitées en parallèle : la première qui peut.",
    },
    now: minutes(2),
  });
  const referrals = await db.referral.findMany({ where: { requestId: filed.id }, select: { id: true, structureId: true, version: true } });
  const of = (structureId: string) => referrals.find((r) => r.structureId === structureId)!;
  return { requestId: filed.id, territoryId, had: of(world.structures.had), had2: of(had2.id), emsp: of(world.structures.emsp) };
}

const statuses = async (requestId: string) =>
  Object.fromEntries(
    (await db.referral.findMany({ where: { requestId }, select: { status: true, structure: { select: { name: true } } } })).map((r) => [
      r.structure.name,
      r.status,
    ]),
  );

describe("parallel referrals", () => {
  test("by default nothing is withdrawn on acceptance; the coordinator withdraws the others waiting, and the timeline says why", async () => {
    const p = await solicitedInParallel();
    await acceptReferral({ db, actor: world.had, input: { referralId: p.had.id, version: p.had.version }, now: minutes(10) });
    expect(await statuses(p.requestId)).toEqual({ "HAD Meuse": "ACCEPTED", "HAD Lorraine Sud": "PROPOSED", "EMSP de Bar-le-Duc": "PROPOSED" });

    // Only proposed referrals of this request: the accepted one is refused.
    expect(
      await code(
        withdrawParallelReferrals({ db, actor: world.idec, input: { requestId: p.requestId, version: await version(p.requestId), referralIds: [p.had.id] } }),
      ),
    ).toBe("INVALID_INPUT");
    for (const actor of [world.gp, world.had, world.ars]) {
      expect(
        await code(withdrawParallelReferrals({ db, actor, input: { requestId: p.requestId, version: await version(p.requestId), referralIds: [p.had2.id] } })),
        actor.email,
      ).toBe("FORBIDDEN");
    }
    expect(
      await code(
        withdrawParallelReferrals({
          db,
          actor: world.pacaIdec,
          input: { requestId: p.requestId, version: await version(p.requestId), referralIds: [p.had2.id] },
        }),
      ),
    ).toBe("NOT_FOUND");

    const done = await withdrawParallelReferrals({
      db,
      actor: world.idec,
      input: { requestId: p.requestId, version: await version(p.requestId), referralIds: [p.had2.id] },
      now: minutes(15),
    });
    expect(done).toEqual({ withdrawn: 1 });
    expect(await statuses(p.requestId)).toEqual({ "HAD Meuse": "ACCEPTED", "HAD Lorraine Sud": "CANCELLED", "EMSP de Bar-le-Duc": "PROPOSED" });
    expect(await db.request.findUniqueOrThrow({ where: { id: p.requestId }, select: { status: true } })).toEqual({ status: "IN_CARE" });
    const timeline = await getRequestTimeline({ actor: world.idec, requestId: p.requestId });
    expect(timeline.map((e) => e.text)).toContain("Orientation vers HAD Lorraine Sud retirée : une autre équipe a accepté (orientations en parallèle)");
    const event = await db.event.findFirstOrThrow({ where: { type: "referral.cancelled", subjectId: p.requestId }, select: { actorId: true, data: true } });
    expect(event).toEqual({ actorId: world.idec.id, data: { referralId: p.had2.id, structureId: p.had2.structureId, parallelOf: p.had.id } });
  });

  test("nothing to withdraw before a team accepted", async () => {
    const p = await solicitedInParallel();
    expect(
      await code(
        withdrawParallelReferrals({ db, actor: world.idec, input: { requestId: p.requestId, version: await version(p.requestId), referralIds: [p.had2.id] } }),
      ),
    ).toBe("INVALID_TRANSITION");
  });

  test("where the territory asks for it, an acceptance withdraws at once the other referrals to the same type of structure, not the others", async () => {
    const p = await solicitedInParallel();
    await db.territory.update({ where: { id: p.territoryId }, data: { withdrawParallelReferrals: true } });
    await acceptReferral({ db, actor: world.had, input: { referralId: p.had.id, version: p.had.version }, now: minutes(10) });
    expect(await statuses(p.requestId)).toEqual({ "HAD Meuse": "ACCEPTED", "HAD Lorraine Sud": "CANCELLED", "EMSP de Bar-le-Duc": "PROPOSED" });
    const event = await db.event.findFirstOrThrow({ where: { type: "referral.cancelled", subjectId: p.requestId }, select: { actorId: true, data: true } });
    expect(event).toEqual({ actorId: world.had.id, data: { referralId: p.had2.id, structureId: p.had2.structureId, parallelOf: p.had.id } });
  });
});
