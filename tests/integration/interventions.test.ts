// Activity records (issue 14): the teams in charge record typed interventions (home visit, family
// meeting…) with their day and duration, the coordination its own phone advice and coordination
// visits; each in the timeline of the GP, the coordination and the team concerned. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { recordIntervention } from "@/lib/requests/record-intervention";
import { listInterventions } from "@/lib/requests/intervention-queries";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { listMyRequests } from "@/lib/requests/gp-queries";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { orientedToBothTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";
import { failure } from "./helpers/failure";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

// Thursday 3 December 2026, 11:00 in Paris; the request was filed on Monday 30 November.
const NOW = new Date("2026-12-03T10:00:00Z");
const FILED = new Date("2026-11-30T09:00:00Z");

describe("interventions", () => {
  test("the team in charge records a home visit and a family meeting: the GP and the coordination read them, in the timeline too", async () => {
    const { requestId, referrals } = await orientedToBothTestRequest(db, world, { now: FILED, accepted: ["had"] });
    await recordIntervention({
      db,
      actor: world.had,
      input: { referralId: referrals.had, kind: "HOME_VISIT", day: "2026-12-01", minutes: "45", note: "Pompe PCA posée." },
      now: NOW,
    });
    await recordIntervention({ db, actor: world.had, input: { referralId: referrals.had, kind: "FAMILY_MEETING", day: "2026-12-02", minutes: 90 }, now: NOW });
    const forGp = await listInterventions({ db, actor: world.gp, requestId });
    expect(forGp.map((i) => [i.kind, i.day, i.minutes, i.structureName, i.note])).toEqual([
      ["FAMILY_MEETING", "2026-12-02", 90, "HAD Meuse", null],
      ["HOME_VISIT", "2026-12-01", 45, "HAD Meuse", "Pompe PCA posée."],
    ]);
    expect(await listInterventions({ db, actor: world.idec, requestId })).toHaveLength(2);
    const gpTimeline = (await getRequestTimeline({ actor: world.gp, requestId })).map((e) => e.text);
    expect(gpTimeline).toEqual(
      expect.arrayContaining(["Visite à domicile le 01/12/2026 (45 min) — HAD Meuse", "Entretien familial le 02/12/2026 (90 min) — HAD Meuse"]),
    );
    // The GP's list says what happened last, in its own words.
    const list = await listMyRequests({ db, actor: world.gp });
    expect(list.items.find((r) => r.id === requestId)?.lastEvent?.text).toBe("Intervention : entretien familial");
    const event = await db.event.findFirst({ where: { subjectId: requestId, type: "request.intervention_recorded" }, select: { actorId: true, data: true } });
    expect(event).toEqual({
      actorId: world.had.id,
      data: { interventionId: expect.any(String), kind: "HOME_VISIT", teamStructureId: world.structures.had, day: "2026-12-01", minutes: 45 },
    });
  });

  test("the coordination records its own phone advice; each team reads only its own; mistakes are said at their field", async () => {
    const { requestId, referrals } = await orientedToBothTestRequest(db, world, { now: FILED, accepted: ["had"] });
    await recordIntervention({ db, actor: world.idec, input: { requestId, kind: "PHONE_ADVICE", day: "2026-12-03", minutes: "10" }, now: NOW });
    await recordIntervention({ db, actor: world.had, input: { referralId: referrals.had, kind: "HOME_VISIT", day: "2026-12-02", minutes: "30" }, now: NOW });
    // The EMSP has not accepted: nothing to record, and nothing of the others to read.
    expect(
      (
        await failure(
          recordIntervention({
            db,
            actor: world.emsp,
            input: { referralId: referrals.emsp, kind: "CONSULTATION", day: "2026-12-03", minutes: "20" },
            now: NOW,
          }),
        )
      ).code,
    ).toBe("INVALID_TRANSITION");
    expect(await listInterventions({ db, actor: world.emsp, requestId })).toEqual([]);
    const emsp = await db.referral.findUniqueOrThrow({ where: { id: referrals.emsp }, select: { version: true } });
    await acceptReferral({ db, actor: world.emsp, input: { referralId: referrals.emsp, version: emsp.version }, now: NOW });
    expect(await listInterventions({ db, actor: world.emsp, requestId })).toEqual([]);
    expect((await listInterventions({ db, actor: world.had, requestId })).map((i) => i.kind)).toEqual(["HOME_VISIT"]);
    const hadTimeline = (await getRequestTimeline({ actor: world.had, requestId })).map((e) => e.text);
    expect(hadTimeline).toContain("Visite à domicile le 02/12/2026 (30 min) — HAD Meuse");
    expect(hadTimeline.some((t) => t.startsWith("Conseil téléphonique"))).toBe(false);
    expect((await getRequestTimeline({ actor: world.idec, requestId })).map((e) => e.text)).toContain(
      "Conseil téléphonique le 03/12/2026 (10 min) — coordination",
    );

    const record = (actor: typeof world.idec, input: Record<string, unknown>) => failure(recordIntervention({ db, actor, input: input as never, now: NOW }));
    expect(await record(world.idec, { requestId, kind: "HOME_VISIT", day: "2026-12-03", minutes: "10" })).toEqual({
      code: "INVALID_INPUT",
      fields: { kind: ["Choisissez parmi : conseil téléphonique, visite de coordination."] },
    });
    expect(await record(world.had, { referralId: referrals.had, kind: "COORDINATION_VISIT", day: "2026-12-03", minutes: "10" })).toMatchObject({
      code: "INVALID_INPUT",
      fields: { kind: [expect.stringContaining("visite à domicile")] },
    });
    expect(await record(world.idec, { requestId, kind: "PHONE_ADVICE", day: "2026-12-04", minutes: "10" })).toEqual({
      code: "INVALID_INPUT",
      fields: { day: ["Date : aujourd'hui ou un jour passé."] },
    });
    expect(await record(world.idec, { requestId, kind: "PHONE_ADVICE", day: "2026-11-29", minutes: "10" })).toEqual({
      code: "INVALID_INPUT",
      fields: { day: ["Date : le jour du dépôt de la demande ou après."] },
    });
    expect(await record(world.idec, { requestId, kind: "PHONE_ADVICE", day: "2026-12-03", minutes: "0" })).toEqual({
      code: "ZOD",
      fields: { minutes: ["Indiquez la durée en minutes (au moins 1)."] },
    });
    expect(await db.intervention.count()).toBe(2);
    expect((await failure(listInterventions({ db, actor: world.ars, requestId }))).code).toBe("FORBIDDEN");
    expect(
      (await failure(recordIntervention({ db, actor: world.gp, input: { requestId, kind: "PHONE_ADVICE", day: "2026-12-03", minutes: "5" }, now: NOW }))).code,
    ).toBe("FORBIDDEN");
  });
});
