// Screening grids (issue 14): the GP's PALLIA-10 while filing, the coordinator's grids during
// triage, a new answer superseding the previous one with the history kept, the result in the
// timeline of those who may read clinical data, and a positive PALLIA-10 ranking the specialised
// palliative teams first with that reason. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { recordScreening } from "@/lib/requests/record-screening";
import { listScreenings } from "@/lib/screening/queries";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { getRoutingSuggestions } from "@/lib/routing/suggest-for-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { fileRequest } from "@/lib/requests/file-request";
import { recordSharingConsent } from "@/lib/requests/record-sharing-consent";
import { fileTestRequest, orientedToBothTestRequest, PATIENT, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => (e instanceof ZodError ? "ZOD" : (e.code ?? String(e))),
  );

// q1…q10: the first `yes` « oui », the rest « non ».
type Pallia = Record<`q${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`, "yes" | "no">;
const pallia = (yes: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i + 1}`, i < yes ? "yes" : "no"])) as Pallia;

// The directory of Meuse Sud for pain at home: a pain consultation (the territory's first choice for
// pain) and the EMSP (second); both also serve palliative care.
async function painDirectory() {
  const territoryId = world.territories["meuse-sud"]!;
  const fresh = { capacityStatus: "AVAILABLE" as const, capacityConfirmedAt: minutes(-60) };
  const painClinic = await db.structure.create({
    data: {
      name: "Consultation douleur de Bar-le-Duc",
      type: "PAIN_CLINIC",
      territoryId,
      phone: "03 53 01 55 97",
      coverageTerritoryIds: [territoryId],
      ...fresh,
    },
    select: { id: true },
  });
  await db.structure.update({ where: { id: world.structures.emsp }, data: { coverageTerritoryIds: [territoryId], ...fresh } });
  await db.structureOffer.createMany({
    data: [
      { structureId: painClinic.id, need: "PAIN", setting: "HOME" },
      { structureId: world.structures.emsp, need: "PAIN", setting: "HOME" },
      { structureId: world.structures.emsp, need: "PALLIATIVE_CARE", setting: "HOME" },
    ],
  });
  return painClinic.id;
}

async function painCandidates(requestId: string) {
  const suggestions = await getRoutingSuggestions({ db, actor: world.idec, requestId, now: minutes(5) });
  return suggestions.needs.find((n) => n.need === "PAIN")!.candidates;
}

describe("screening grids", () => {
  test("the GP's PALLIA-10 while filing is stored with its version and shown in his timeline; an incomplete one is refused at its question and files nothing", async () => {
    const incomplete = { ...pallia(5), q6: undefined };
    expect(await code(fileRequest({ db, channel: "WEB", actor: world.gp, input: { ...PATIENT, ...incomplete }, now: NOW }))).toBe("ZOD");
    await fileRequest({ db, channel: "WEB", actor: world.gp, input: { ...PATIENT, ...incomplete }, now: NOW }).catch((e: ZodError) =>
      expect(e.issues.map((i) => [i.path[0], i.message])).toEqual([["q6", "Répondez à la question 6 (oui ou non)."]]),
    );
    expect(await db.request.count()).toBe(0);

    const filed = await fileTestRequest(db, world, pallia(5), NOW);
    expect(
      await db.screeningAnswer.findMany({ where: { requestId: filed.id }, select: { grid: true, version: true, score: true, recordedById: true } }),
    ).toEqual([{ grid: "PALLIA10", version: 1, score: 5, recordedById: world.gp.id }]);
    const expected = "PALLIA-10 : 5 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs";
    const gpTimeline = await getRequestTimeline({ actor: world.gp, requestId: filed.id });
    expect(gpTimeline.find((e) => e.text.startsWith("PALLIA-10"))).toMatchObject({ text: expected, actor: expect.stringContaining(world.gp.name) });
    expect((await listScreenings({ db, actor: world.gp, requestId: filed.id })).map((s) => [s.answers.grid, s.score, s.current])).toEqual([
      ["PALLIA10", 5, true],
    ]);
    // Without a single answer, no grid.
    const plain = await fileTestRequest(db, world, {}, NOW);
    expect(await db.screeningAnswer.count({ where: { requestId: plain.id } })).toBe(0);
  });

  test("a positive PALLIA-10 filled by the nurse ranks the EMSP first with that reason; a later negative one supersedes it, the history stays", async () => {
    const painClinic = await painDirectory();
    const filed = await fileTestRequest(db, world, {}, NOW); // pain and palliative care, at home
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: minutes(1) });
    expect((await painCandidates(filed.id)).map((c) => c.structureId)).toEqual([painClinic, world.structures.emsp]);

    const recorded = await recordScreening({ db, actor: world.idec, input: { requestId: filed.id, grid: "PALLIA10", ...pallia(5) }, now: minutes(2) });
    expect(recorded.score).toBe(5);
    const ranked = await painCandidates(filed.id);
    expect(ranked.map((c) => c.structureId)).toEqual([world.structures.emsp, painClinic]);
    expect(ranked[0]!.reasons).toContain("PALLIA-10 à 5 « oui » sur 10 (plus de 3) : équipe spécialisée en soins palliatifs, proposée en premier");
    expect(ranked[1]!.reasons.join(" ")).not.toContain("PALLIA-10");

    await recordScreening({ db, actor: world.idec, input: { requestId: filed.id, grid: "PALLIA10", ...pallia(2) }, now: minutes(3) });
    expect((await painCandidates(filed.id)).map((c) => c.structureId)).toEqual([painClinic, world.structures.emsp]);
    const rows = await listScreenings({ db, actor: world.idec, requestId: filed.id });
    expect(rows.map((s) => [s.score, s.current, s.recordedBy])).toEqual([
      [2, true, world.idec.name],
      [5, false, world.idec.name],
    ]);
    const timeline = await getRequestTimeline({ actor: world.idec, requestId: filed.id });
    expect(timeline.filter((e) => e.text.startsWith("PALLIA-10")).map((e) => e.text)).toEqual([
      "PALLIA-10 : 5 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs",
      "PALLIA-10 : 2 réponses « oui » sur 10 — 3 ou moins : pas d'indication d'équipe spécialisée à ce stade",
    ]);
  });

  test("the other grids are recorded by the coordination with their meaning; bad values are refused at their field", async () => {
    const filed = await fileTestRequest(db, world, {}, NOW);
    await claimRequest({ db, actor: world.idec, requestId: filed.id, now: minutes(1) });
    const record = (fields: Record<string, unknown>, at: number) =>
      recordScreening({ db, actor: world.idec, input: { requestId: filed.id, ...fields } as never, now: minutes(at) });
    await record({ grid: "PERFORMANCE_STATUS", grade: "3", crisis: "on" }, 2);
    await record({ grid: "DISTRESS", thermometer: "7", problems: ["EMOTIONAL_WORRY"] }, 3);
    await record({ grid: "PAIN", intensity: "6", dn4Done: "on", dn4: ["0", "1", "2", "3"] }, 4);
    expect(await code(record({ grid: "PAIN", intensity: "11" }, 5))).toBe("ZOD");
    const texts = (await listScreenings({ db, actor: world.idec, requestId: filed.id })).map((s) => s.answers.grid);
    expect(texts).toEqual(["PAIN", "DISTRESS", "PERFORMANCE_STATUS"]);
    const timeline = (await getRequestTimeline({ actor: world.gp, requestId: filed.id })).map((e) => e.text);
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Indice OMS 3 \(Karnofsky 40-30 %\)/),
        "Thermomètre de la détresse : 7/10 — détresse significative (4 ou plus) ; 1 problème signalé",
        "Douleur : 6/10 à l'échelle numérique ; DN4 4/10 — douleur neuropathique probable",
      ]),
    );
  });

  test("who reads and writes: the teams it is shared with read, not a team that lost consent, another GP, the ARS; only the coordination records", async () => {
    const { requestId } = await orientedToBothTestRequest(db, world, { now: NOW, accepted: ["had"] });
    await recordScreening({ db, actor: world.idec, input: { requestId, grid: "PALLIA10", ...pallia(6) }, now: minutes(5) });
    expect(await listScreenings({ db, actor: world.had, requestId })).toHaveLength(1);
    expect((await getRequestTimeline({ actor: world.had, requestId })).map((e) => e.text)).toContain(
      "PALLIA-10 : 6 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs",
    );
    expect(await listScreenings({ db, actor: world.emsp, requestId })).toHaveLength(1);
    // The patient withdraws sharing with the EMSP: its team no longer reads the grids.
    const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
    await recordSharingConsent({
      db,
      actor: world.idec,
      input: { requestId, version, structureId: world.structures.emsp, granted: "no", method: "ORAL" },
      now: minutes(6),
    });
    expect(await code(listScreenings({ db, actor: world.emsp, requestId }))).toBe("NOT_FOUND");
    expect(await code(listScreenings({ db, actor: world.ars, requestId }))).toBe("FORBIDDEN");
    expect(await code(listScreenings({ db, actor: world.admin, requestId }))).toBe("FORBIDDEN");
    expect(await code(listScreenings({ db, actor: world.otherGp, requestId }))).toBe("NOT_FOUND");
    expect(await code(recordScreening({ db, actor: world.gp, input: { requestId, grid: "PALLIA10", ...pallia(1) } }))).toBe("FORBIDDEN");
    expect(await code(recordScreening({ db, actor: world.had, input: { requestId, grid: "PALLIA10", ...pallia(1) } }))).toBe("FORBIDDEN");
  });
});
