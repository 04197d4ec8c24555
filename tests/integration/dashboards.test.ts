// The ARS and coordination indicators, on a small history built through the real use cases (so
// through the event log and its projection), with expected values computed by hand below.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { closeRequest } from "@/lib/requests/close-request";
import { reopenRequest } from "@/lib/requests/reopen-request";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { fileRequest } from "@/lib/requests/file-request";
import { parisTime } from "@/lib/time";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";
import { recordIntervention } from "@/lib/requests/record-intervention";
import { recordScreening } from "@/lib/requests/record-screening";
import { scheduleRcp } from "@/lib/rcp/schedule-rcp";
import { addRcpCase } from "@/lib/rcp/add-rcp-case";
import { recordRcpCase } from "@/lib/rcp/record-rcp-case";
import { getDashboard } from "@/lib/dashboards/indicators";
import { getAreaTree } from "@/lib/dashboards/scope";
import { exportTableCsv } from "@/lib/dashboards/csv";
import type { Count, Dashboard } from "@/lib/dashboards/types";
import { BAR_LE_DUC, createWorld, fileTestRequest, PATIENT, VERDUN, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;
let uncoveredCommune: string;
let ids: Record<string, string>;

const MARCH = { from: parisTime(2026, 3, 1, 0, 0), to: parisTime(2026, 4, 1, 0, 0) };
const at = (day: number, hh: number, mm = 0) => parisTime(2026, 3, day, hh, mm);
const MARSEILLE = "13055";

const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
const referralTo = (requestId: string, structureId: string) =>
  db.referral.findFirstOrThrow({ where: { requestId, structureId }, select: { id: true, version: true } });

async function claim(requestId: string, now: Date, actor: Actor = world.idec) {
  await claimRequest({ db, actor, requestId, now });
}
async function orient(requestId: string, structureIds: string[], now: Date) {
  await orientRequest({
    db,
    actor: world.idec,
    input: { requestId, version: await version(requestId), structureIds, overrideReason: "Équipe connue du médecin" },
    now,
  });
}
// q1…q10 of a PALLIA-10, the first `yes` « oui ».
const pallia = (yes: number) =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i + 1}`, i < yes ? "yes" : "no"])) as Record<
    `q${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`,
    "yes" | "no"
  >;
async function close(requestId: string, outcome: "NEEDS_MET" | "REDIRECTED" | "HOSPITALISED", now: Date) {
  await closeRequest({
    db,
    actor: world.idec,
    input: { requestId, version: await version(requestId), outcome, summary: "Synthèse pour le médecin : Mme Durand Jeanne." },
    now,
  });
}

// The history (March 2026, Europe/Paris, winter time; the Meuse territories are open Mon–Fri
// 8:00–20:00 and Saturday 9:00–13:00):
//   r1  Bar-le-Duc, crisis, pain + palliative care, patient P1 (Jeanne Durand), Mon 2 at 9:00;
//       claimed 11:30 (2.5 h); oriented to EMSP + HAD; EMSP accepts, HAD declines (full); EMSP's
//       first contact on Tue 3 (counted at 13:00: 11 h on Monday + 5 h = 16 h); closed, needs met.
//   r2  Bar-le-Duc, planned, nutrition, P2, Tue 3 at 10:00; claimed 16:00 (6 h); oriented to the
//       HAD, which declines (not our service): still open.
//   r3  Verdun (Meuse Nord), planned, pain, P3, by phone (another professional), Wed 4 at 19:00;
//       claimed Thu 5 at 9:00 (1 h + 1 h = 2 h); oriented to the SSIAD; closed "redirected",
//       reopened, closed "hospitalised" (the last outcome counts).
//   r4  public form, Bar-le-Duc, carer respite, no identified patient, Sat 7 at 12:00; claimed
//       Mon 9 at 9:00 (1 h on Saturday + 1 h = 2 h).
//   r5  P1 again, Bar-le-Duc, crisis, family psychological support, Fri 20 at 15:00; claimed 16:00 (1 h).
//   r6  a duplicate of r5, cancelled as such: counts nowhere.
//   bulk: 12 planned requests for home care, Bar-le-Duc, Wed 11, 12 new patients, never claimed.
//   r7  a Meuse commune taken out of its territory: no territory, pain + social: unmet.
//   r8  Marseille (Bouches-du-Rhône): outside the Meuse.
//   r9  Bar-le-Duc, P9, Fri 27 February, still open in March (active file, not in the period).
//   r10 Bar-le-Duc, P10, 5 January, closed 20 January (neither).
async function buildHistory() {
  const file = (key: string, input: Parameters<typeof fileTestRequest>[2], now: Date) => fileTestRequest(db, world, input, now).then((r) => (ids[key] = r.id));
  const person = (i: number) => ({ birthName: `Patient${i}`, firstNames: `Prénom${i}`, birthDate: new Date(Date.UTC(1940, 0, i)) });

  // The EMSP offers pain and palliative care at home in Meuse Sud: the routing ranks it for r1; the
  // other structures offer nothing in the directory, so every other orientation is outside suggestions.
  await db.structure.update({
    where: { id: world.structures.emsp },
    data: { coverageTerritoryIds: [world.territories["meuse-sud"]!], capacityStatus: "AVAILABLE", capacityConfirmedAt: at(1, 9) },
  });
  await db.structureOffer.createMany({
    data: (["PAIN", "PALLIATIVE_CARE"] as const).map((need) => ({ structureId: world.structures.emsp, need, setting: "HOME" as const })),
  });
  // For the norms of seed 004: a USP in Meuse Sud, a palliative network in Meuse Nord.
  await db.structure.createMany({
    data: [
      { name: "USP de Bar-le-Duc", type: "USP", territoryId: world.territories["meuse-sud"]!, phone: "03 53 01 55 90" },
      {
        name: "Réseau de soins palliatifs du Nord meusien",
        type: "PALLIATIVE_NETWORK",
        territoryId: world.territories["meuse-nord"]!,
        phone: "03 53 01 55 91",
      },
    ],
  });
  await file("r1", { needs: ["PAIN", "PALLIATIVE_CARE"], urgency: "CRISIS" }, at(2, 9));
  await claim(ids.r1!, at(2, 11, 30));
  await orient(ids.r1!, [world.structures.emsp, world.structures.had], at(2, 12));
  await acceptReferral({
    db,
    actor: world.emsp,
    input: await referralTo(ids.r1!, world.structures.emsp).then((r) => ({ referralId: r.id, version: r.version })),
    now: at(2, 14),
  });
  const hadR1 = await referralTo(ids.r1!, world.structures.had);
  await declineReferral({ db, actor: world.had, input: { referralId: hadR1.id, version: hadR1.version, reason: "FULL" }, now: at(2, 15) });
  const emspR1 = await referralTo(ids.r1!, world.structures.emsp);
  await recordFirstContact({ db, actor: world.emsp, input: { referralId: emspR1.id, version: emspR1.version, contactDate: "2026-03-03" }, now: at(3, 18) });
  // The EMSP's activity, the coordination's phone advice, and r1's PALLIA-10 (5 « oui »: positive).
  await recordIntervention({ db, actor: world.emsp, input: { referralId: emspR1.id, kind: "HOME_VISIT", day: "2026-03-03", minutes: 60 }, now: at(3, 18) });
  await recordIntervention({ db, actor: world.emsp, input: { referralId: emspR1.id, kind: "FAMILY_MEETING", day: "2026-03-04", minutes: 45 }, now: at(4, 18) });
  await recordIntervention({ db, actor: world.idec, input: { requestId: ids.r1!, kind: "PHONE_ADVICE", day: "2026-03-02", minutes: 15 }, now: at(2, 16) });
  await recordScreening({ db, actor: world.idec, input: { requestId: ids.r1!, grid: "PALLIA10", ...pallia(5) }, now: at(2, 11, 45) });
  await close(ids.r1!, "NEEDS_MET", at(10, 10));

  // r2's GP answers PALLIA-10 while filing: 2 « oui », negative.
  await file("r2", { ...person(2), ...pallia(2), needs: ["NUTRITION"], urgency: "PLANNED" }, at(3, 10));
  await claim(ids.r2!, at(3, 16));
  await orient(ids.r2!, [world.structures.had], at(3, 16, 30));
  const hadR2 = await referralTo(ids.r2!, world.structures.had);
  await declineReferral({ db, actor: world.had, input: { referralId: hadR2.id, version: hadR2.version, reason: "NOT_OUR_SERVICE" }, now: at(4, 9) });
  // r2 is discussed in an RCP of Meuse Sud on Thursday 12; another RCP on the 19th discusses nothing.
  const rcpInput = (day: string) => ({ territoryId: world.territories["meuse-sud"]!, day, time: "14:00", place: "Salle 2", structureIds: [] });
  const rcp = await scheduleRcp({ db, actor: world.idec, input: rcpInput("2026-03-12"), now: at(5, 12) });
  await scheduleRcp({ db, actor: world.idec, input: rcpInput("2026-03-19"), now: at(5, 12) });
  const rcpCase = await addRcpCase({ db, actor: world.idec, input: { meetingId: rcp.id, requestId: ids.r2!, question: "Quel relais ?" }, now: at(5, 12) });
  await recordRcpCase({ db, actor: world.idec, input: { caseId: rcpCase.id, participants: "Équipe", summary: "Relais diététique." }, now: at(12, 16) });

  ids.r3 = (
    await fileRequest({
      db,
      channel: "PHONE",
      actor: world.idec,
      input: {
        ...PATIENT,
        ...person(3),
        channel: "PHONE",
        communeCode: VERDUN,
        needs: ["PAIN"],
        urgency: "PLANNED",
        requesterKind: "OTHER_PROFESSIONAL",
        requesterName: "Mme Infirmière Libérale",
        requesterPhone: "06 12 34 56 78",
      },
      now: at(4, 19),
    })
  ).id;
  await claim(ids.r3, at(5, 9));
  await orient(ids.r3, [world.structures.ssiadVerdun], at(5, 9, 30));
  await close(ids.r3, "REDIRECTED", at(5, 10));
  await reopenRequest({ db, actor: world.idec, input: { requestId: ids.r3, version: await version(ids.r3), reason: "Le patient rappelle" }, now: at(6, 9) });
  await close(ids.r3, "HOSPITALISED", at(6, 11));

  ids.r4 = (
    await fileRequest({
      db,
      channel: "PUBLIC",
      actor: null,
      input: {
        requesterName: "Paul Durand",
        requesterPhone: "06 98 76 54 32",
        requesterRelation: "fils",
        communeCode: BAR_LE_DUC,
        needs: ["CARER_RESPITE"],
        consentCoordination: true,
      },
      now: at(7, 12),
    })
  ).id;
  await claim(ids.r4, at(9, 9));

  await file("r5", { needs: ["PSYCHOLOGICAL_FAMILY"], urgency: "CRISIS" }, at(20, 15));
  await claim(ids.r5!, at(20, 16));
  await file("r6", { needs: ["PSYCHOLOGICAL_FAMILY"], urgency: "CRISIS" }, at(20, 15, 5));
  await claim(ids.r6!, at(20, 15, 10));
  await cancelRequest({
    db,
    actor: world.idec,
    input: { requestId: ids.r6!, version: await version(ids.r6!), reason: "DUPLICATE", details: "Doublon de la demande de Mme Durand" },
    now: at(20, 15, 15),
  });

  for (let i = 0; i < 12; i++) await file(`bulk${i}`, { ...person(100 + i), needs: ["HOME_CARE"], urgency: "PLANNED" }, at(11, 10, i));

  await db.territoryCommune.deleteMany({ where: { communeCode: uncoveredCommune } });
  await file("r7", { ...person(7), communeCode: uncoveredCommune, needs: ["PAIN", "SOCIAL"], urgency: "PLANNED" }, at(12, 10));
  await file("r8", { ...person(8), communeCode: MARSEILLE, needs: ["PAIN"], urgency: "PLANNED" }, at(12, 11));

  await file("r9", { ...person(9), needs: ["PAIN"], urgency: "PLANNED" }, parisTime(2026, 2, 27, 10, 0));
  await file("r10", { ...person(10), needs: ["PAIN"], urgency: "PLANNED" }, parisTime(2026, 1, 5, 10, 0));
  await claim(ids.r10!, parisTime(2026, 1, 5, 11, 0));
  await close(ids.r10!, "NEEDS_MET", parisTime(2026, 1, 20, 10, 0));
}

beforeAll(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  ids = {};
  // A small Meuse commune that the test takes out of its territory (the first by INSEE code).
  uncoveredCommune = (
    await db.commune.findFirstOrThrow({
      where: { departmentCode: "55", code: { notIn: [BAR_LE_DUC, VERDUN] } },
      orderBy: { code: "asc" },
      select: { code: true },
    })
  ).code;
  await buildHistory();
}, 120_000);
afterAll(() => db.$disconnect());

const v = (count: Count) => (count.masked ? "masked" : count.value);
const values = <K extends string>(rows: { key: K; count: Count }[]) => Object.fromEntries(rows.map((r) => [r.key, v(r.count)]));

describe("indicators for a coordinator (exact figures of their own territories)", () => {
  let meuse: Dashboard;
  beforeAll(async () => {
    meuse = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
  });

  test("requests of the period by origin, channel, urgency, need, outcome and month", () => {
    // r1 r2 r3 r4 r5, 12 bulk, r7 (no territory, in the Meuse): 18. Not r6 (duplicate), r8, r9, r10.
    expect(meuse.totals.requests).toEqual({ value: 18, masked: false });
    expect(values(meuse.byOrigin)).toEqual({ GP: 16, OTHER_PROFESSIONAL: 1, HOSPITAL: 0, PATIENT_FAMILY: 1 });
    expect(values(meuse.byChannel)).toEqual({ WEB: 16, PHONE: 1, MAIL: 0, PUBLIC: 1 });
    expect(values(meuse.byUrgency)).toEqual({ CRISIS: 2, PLANNED: 16 });
    expect(values(meuse.byNeed)).toMatchObject({
      PAIN: 3,
      PALLIATIVE_CARE: 1,
      NUTRITION: 1,
      CARER_RESPITE: 1,
      PSYCHOLOGICAL_FAMILY: 1,
      HOME_CARE: 12,
      SOCIAL: 1,
      OTHER_SYMPTOMS: 0,
    });
    expect(values(meuse.byOutcome)).toEqual({ NEEDS_MET: 1, REDIRECTED: 0, HOSPITALISED: 1, DECEASED: 0, DECLINED_BY_PATIENT: 0, UNREACHABLE: 0, OTHER: 0 });
    expect(meuse.byMonth).toEqual([{ month: "2026-03", count: { value: 18, masked: false } }]);
    expect(meuse.smallCountsMasked).toBe(false);
  });

  test("active file, new patients and unmet requests", () => {
    // Active in March: P1 (r1, r5), P2, P3, the family's request r4, 12 bulk, P7, and P9 (r9 filed in
    // February, still open): 18. New: r1, r2, r3, r4, 12 bulk, r7 = 17 (r5 is P1's second request).
    expect(meuse.totals.activeFile).toEqual({ value: 18, masked: false });
    expect(meuse.totals.newPatients).toEqual({ value: 17, masked: false });
    expect(meuse.totals.unmetRequests).toEqual({ value: 1, masked: false });
    expect(meuse.unmetNeeds.map((u) => [u.need, u.communeCode, v(u.count)])).toEqual([
      ["PAIN", null, 1],
      ["SOCIAL", null, 1],
    ]);
  });

  test("time to triage and to first contact, median and 90th percentile in opening hours", () => {
    // Crisis: 2.5 h and 1 h → median 1.75, p90 1 + 0.9 × 1.5 = 2.35. Planned: 6, 2, 2 h → median
    // 2, p90 2 + 0.8 × 4 = 5.2. First contact: r1 only, 16 h.
    expect(meuse.timeToTriage.CRISIS).toEqual({ basis: "opening", measured: { value: 2, masked: false }, medianHours: 1.8, p90Hours: 2.4 });
    expect(meuse.timeToTriage.PLANNED).toEqual({ basis: "opening", measured: { value: 3, masked: false }, medianHours: 2, p90Hours: 5.2 });
    expect(meuse.timeToFirstContact.CRISIS).toEqual({ basis: "opening", measured: { value: 1, masked: false }, medianHours: 16, p90Hours: 16 });
    expect(meuse.timeToFirstContact.PLANNED).toEqual({ basis: "opening", measured: { value: 0, masked: false }, medianHours: null, p90Hours: null });
  });

  test("referrals by structure type with accept rates, and decline reasons", async () => {
    expect(meuse.referralsByStructureType.map((r) => [r.type, v(r.proposed), v(r.accepted), v(r.declined), r.acceptRate])).toEqual([
      ["EMSP", 1, 1, 0, 1],
      ["HAD", 2, 0, 2, 0],
      ["SSIAD", 1, 0, 0, null], // cancelled when r3 was closed, never answered
    ]);
    // Orientations chosen outside the routing's suggestions: all but the EMSP for r1.
    const stored = await db.$queryRaw<{ type: string; n: number }[]>`
      SELECT s.type::text, count(*)::int AS n FROM referral r JOIN structure s ON s.id = r.structure_id
      WHERE r.suggestion_rank IS NULL AND r.request_id IN (${ids.r1}, ${ids.r2}, ${ids.r3}) GROUP BY 1 ORDER BY 1`;
    expect(stored).toEqual([
      { type: "HAD", n: 2 },
      { type: "SSIAD", n: 1 },
    ]);
    expect(meuse.referralsByStructureType.map((r) => [r.type, v(r.offSuggestion)])).toEqual([
      ["EMSP", 0],
      ["HAD", 2],
      ["SSIAD", 1],
    ]);
    expect(values(meuse.declineReasons)).toEqual({ OUTSIDE_AREA: 0, NOT_OUR_SERVICE: 1, FULL: 1, PATIENT_REFUSED: 0, OTHER: 0 });
  });

  test("interventions by kind and by who did them; the PALLIA-10 screened and positive", () => {
    expect(values(meuse.interventionsByKind)).toEqual({
      HOME_VISIT: 1,
      CONSULTATION: 0,
      PHONE_ADVICE: 1,
      FAMILY_MEETING: 1,
      PSYCHOLOGICAL_SUPPORT: 0,
      DIETICIAN: 0,
      SOCIAL_WORK: 0,
      COORDINATION_VISIT: 0,
    });
    expect(meuse.interventionsByStructureType.map((r) => [r.key, v(r.count)])).toEqual([
      ["EMSP", 2],
      ["COORDINATION", 1],
    ]);
    expect(meuse.pallia10).toEqual({ screened: { value: 2, masked: false }, positive: { value: 1, masked: false }, positiveShare: 0.5 });
    // One RCP held (the other discussed nothing), one request of March discussed there.
    expect(meuse.rcp).toEqual({ meetingsHeld: 1, requestsDiscussed: { value: 1, masked: false } });
  });

  test("coverage of each territory against the norms, on INSEE populations", async () => {
    const populations = await db.$queryRaw<{ id: string; population: number }[]>`
      SELECT tc.territory_id AS id, sum(c.population)::int AS population FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code
      WHERE tc.territory_id IN (${world.territories["meuse-nord"]}, ${world.territories["meuse-sud"]}) GROUP BY 1`;
    const population = (slug: string) => populations.find((p) => p.id === world.territories[slug])!.population;
    const sud = meuse.coverage.find((c) => c.area.code === world.territories["meuse-sud"])!;
    const nord = meuse.coverage.find((c) => c.area.code === world.territories["meuse-nord"])!;
    expect(sud).toMatchObject({
      population: population("meuse-sud"),
      mobileTeams: 1,
      palliativeBeds: 0,
      mobileTeamsNorm: 1,
      palliativeBedsNorm: 5,
      meetsBedNorm: false,
      usps: 1,
      territories: 1,
      territoriesWithUsp: 1,
      meetsUspNorm: true,
      palliativeNetworks: 0,
      territoriesWithNetwork: 0,
      meetsNetworkNorm: false,
    });
    expect(sud.mobileTeamsPer200k).toBeCloseTo((200_000 / population("meuse-sud")) * 1, 2);
    expect(sud.meetsMobileTeamNorm).toBe(200_000 / population("meuse-sud") >= 1);
    expect(nord).toMatchObject({
      population: population("meuse-nord"),
      mobileTeams: 0,
      mobileTeamsPer200k: 0,
      meetsMobileTeamNorm: false,
      usps: 0,
      meetsUspNorm: false,
      palliativeNetworks: 1,
      meetsNetworkNorm: true,
    });
    // At the région's level: the Meuse's two territories, one with a USP, one with a network.
    const region = await getDashboard({ db, actor: world.idec, level: "region", code: "44", period: MARCH });
    expect(region.coverage.find((c) => c.area.code === "55")).toMatchObject({
      territories: 2,
      territoriesWithUsp: 1,
      territoriesWithNetwork: 1,
      meetsUspNorm: false,
      meetsNetworkNorm: false,
    });
  });

  test("a territory counts its own requests only; the drill-down lists the actor's areas", async () => {
    const sud = await getDashboard({ db, actor: world.idec, level: "territory", code: world.territories["meuse-sud"]!, period: MARCH });
    // r1 r2 r4 r5 and 12 bulk.
    expect(sud.totals.requests.value).toBe(16);
    expect(sud.children).toEqual([]);
    expect(meuse.children.map((c) => c.name)).toEqual(["Meuse Nord (Verdun)", "Meuse Sud (Bar-le-Duc)"]);
    expect(meuse.childFigures?.map((c) => [c.area.name, v(c.requests)])).toEqual([
      ["Meuse Nord (Verdun)", 1],
      ["Meuse Sud (Bar-le-Duc)", 16],
    ]);
  });

  test("a period cut inside a month reads the facts for the part-month", async () => {
    // 1–10 March: r1 r2 r3 r4 (r5, bulk, r7 later).
    const early = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: { from: MARCH.from, to: at(11, 0) } });
    expect(early.totals.requests.value).toBe(4);
    // February 15 to March 15: r9 (Feb 27) + r1 r2 r3 r4 + 12 bulk + r7 = 18.
    const across = await getDashboard({
      db,
      actor: world.idec,
      level: "department",
      code: "55",
      period: { from: parisTime(2026, 2, 15, 0, 0), to: at(16, 0) },
    });
    expect(across.totals.requests.value).toBe(18);
    expect(across.byMonth.map((m) => [m.month, m.count.value])).toEqual([
      ["2026-02", 1],
      ["2026-03", 17],
    ]);
  });

  test("a change in the log shows at the next read (the cube catches up before reading)", async () => {
    await claim(ids.bulk0!, at(25, 9));
    const after = await getDashboard({ db, actor: world.idec, level: "department", code: "55", period: MARCH });
    expect(after.timeToTriage.PLANNED.measured.value).toBe(4);
  });
});

describe("small counts for the ARS", () => {
  let ars: Dashboard;
  beforeAll(async () => {
    ars = await getDashboard({ db, actor: world.ars, level: "department", code: "55", period: MARCH });
  });

  // Every assignment of the masked cells that the visible figures allow, by brute force: a masked
  // small cell must have at least two possible values (else subtraction gives it back).
  function assertNotRecoverable(total: Count, parts: Count[]) {
    if (total.masked) return;
    const visible = parts.filter((p) => !p.masked).reduce((s, p) => s + p.value!, 0);
    const masked = parts.filter((p) => p.masked);
    const ranges = masked.map((p) => (p.reason === "small" ? [1, 2, 3, 4] : Array.from({ length: 200 }, (_, i) => 5 + i)));
    const possible = masked.map(() => new Set<number>());
    const walk = (i: number, acc: number[]) => {
      if (i === masked.length) {
        if (acc.reduce((s, x) => s + x, 0) + visible === total.value) acc.forEach((x, k) => possible[k]!.add(x));
        return;
      }
      for (const x of ranges[i]!) if (acc.reduce((s, y) => s + y, 0) + x + visible <= total.value!) walk(i + 1, [...acc, x]);
    };
    walk(0, []);
    masked.forEach((p, k) => {
      if (p.reason === "small") expect(possible[k]!.size, `a masked cell of ${JSON.stringify(parts)} is recoverable`).toBeGreaterThan(1);
    });
  }

  test("counts of 1 to 4 are masked as '< 5', zeros and larger counts are shown", () => {
    expect(ars.smallCountsMasked).toBe(true);
    expect(ars.totals.requests).toEqual({ value: 18, masked: false });
    expect(ars.byOrigin.find((o) => o.key === "OTHER_PROFESSIONAL")!.count).toEqual({ value: null, masked: true, reason: "small" });
    expect(ars.byOrigin.find((o) => o.key === "HOSPITAL")!.count).toEqual({ value: 0, masked: false });
    expect(ars.totals.unmetRequests).toEqual({ value: null, masked: true, reason: "small" });
    expect(ars.timeToTriage.CRISIS).toMatchObject({ measured: { masked: true, reason: "small" }, medianHours: null, p90Hours: null });
  });

  test("complementary masking: 1 + 1 masked next to 16 would give both back, so the 16 is masked too", () => {
    // Origins: 16 GP, 1 other professional, 1 family, total 18 shown.
    expect(values(ars.byOrigin)).toEqual({ GP: "masked", OTHER_PROFESSIONAL: "masked", HOSPITAL: 0, PATIENT_FAMILY: "masked" });
    expect(ars.byOrigin.find((o) => o.key === "GP")!.count.reason).toBe("secondary");
    for (const breakdown of [ars.byOrigin, ars.byChannel, ars.byUrgency])
      assertNotRecoverable(
        ars.totals.requests,
        breakdown.map((b) => b.count),
      );
    assertNotRecoverable(
      ars.totals.requests,
      ars.byMonth.map((m) => m.count),
    );
  });

  test("no rate gives a masked count back", () => {
    for (const row of ars.referralsByStructureType) {
      if (row.accepted.masked || row.declined.masked) expect(row.acceptRate).toBeNull();
    }
    // 1 positive PALLIA-10 of 2: both are small counts for the ARS, and so is the share.
    expect(ars.pallia10).toEqual({
      screened: { value: null, masked: true, reason: "small" },
      positive: { value: null, masked: true, reason: "small" },
      positiveShare: null,
    });
    expect(ars.interventionsByKind.find((r) => r.key === "HOME_VISIT")!.count).toMatchObject({ value: null, masked: true });
  });

  test("a territory's masked figure is masked on every page: the département minus the other territory does not give it", async () => {
    const nord = await getDashboard({ db, actor: world.ars, level: "territory", code: world.territories["meuse-nord"]!, period: MARCH });
    const sud = await getDashboard({ db, actor: world.ars, level: "territory", code: world.territories["meuse-sud"]!, period: MARCH });
    expect(nord.totals.requests).toMatchObject({ masked: true, reason: "small" }); // r3
    expect(ars.childFigures!.find((c) => c.area.name.startsWith("Meuse Nord"))!.requests).toEqual(nord.totals.requests);
    expect(ars.childFigures!.find((c) => c.area.name.startsWith("Meuse Sud"))!.requests).toEqual(sud.totals.requests);
    // 18 in the département = Nord + Sud + 1 request with no territory (never shown): Nord keeps
    // at least two possible values.
    if (!sud.totals.requests.masked) {
      const rest = [0, 1, 2, 3, 4].filter((uncovered) => {
        const nordValue = ars.totals.requests.value! - sud.totals.requests.value! - uncovered;
        return nordValue >= 1 && nordValue <= 4;
      });
      expect(rest.length).toBeGreaterThan(1);
    }
  });

  test("the région equals the département here (one département in scope): same decisions", async () => {
    const region = await getDashboard({ db, actor: world.ars, level: "region", code: "44", period: MARCH });
    expect(region.totals).toEqual(ars.totals);
    expect(region.byOrigin).toEqual(ars.byOrigin);
  });
});

describe("scope", () => {
  test("GP and care team members are refused", async () => {
    for (const actor of [world.gp, world.emsp]) {
      await expect(getDashboard({ db, actor, level: "country", code: "FR", period: MARCH })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAreaTree({ db, actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("the ARS sees the areas of its territories only, and only its territories' data in them", async () => {
    const tree = await getAreaTree({ db, actor: world.ars });
    expect(tree.children.map((r) => r.name)).toEqual(["Grand Est"]);
    expect(tree.children[0]!.children.map((d) => d.code)).toEqual(["55"]);
    expect(tree.children[0]!.children[0]!.children.map((t) => t.name)).toEqual(["Meuse Nord (Verdun)", "Meuse Sud (Bar-le-Duc)"]);
    await expect(getDashboard({ db, actor: world.ars, level: "department", code: "13", period: MARCH })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getDashboard({ db, actor: world.ars, level: "territory", code: world.territories["bouches-du-rhone"]!, period: MARCH })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const france = await getDashboard({ db, actor: world.ars, level: "country", code: "FR", period: MARCH });
    expect(france.totals.requests.value).toBe(18); // not Marseille's r8
  });

  test("for an actor whose territories lie in one région, France is that région, active file included", async () => {
    // A coordinator sees exact figures; France is copied from the région, not counted again.
    const france = await getDashboard({ db, actor: world.pacaIdec, level: "country", code: "FR", period: MARCH });
    const region = await getDashboard({ db, actor: world.pacaIdec, level: "region", code: "93", period: MARCH });
    expect(france.totals).toEqual(region.totals);
    expect(france.totals.activeFile).toEqual({ value: 1, masked: false });
    expect(france.byNeed).toEqual(region.byNeed);
    expect(france.byMonth).toEqual(region.byMonth);
  });

  test("a coordinator sees their own territories: the PACA coordinator sees Marseille's request only", async () => {
    const paca = await getDashboard({ db, actor: world.pacaIdec, level: "department", code: "13", period: MARCH });
    expect(paca.totals.requests).toEqual({ value: 1, masked: false });
    await expect(getDashboard({ db, actor: world.pacaIdec, level: "department", code: "55", period: MARCH })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("an administrator sees every area: France counts Marseille too", async () => {
    const tree = await getAreaTree({ db, actor: world.admin });
    expect(tree.children.length).toBeGreaterThanOrEqual(13);
    const france = await getDashboard({ db, actor: world.admin, level: "country", code: "FR", period: MARCH });
    expect(france.totals.requests).toEqual({ value: 19, masked: false });
  });

  test("unknown areas are not found", async () => {
    await expect(getDashboard({ db, actor: world.admin, level: "department", code: "00", period: MARCH })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("privacy", () => {
  test("no patient identity, requester or free text in any output (dashboard, export)", async () => {
    const outputs: string[] = [];
    for (const actor of [world.ars, world.admin, world.idec]) {
      for (const [level, code] of [
        ["country", "FR"],
        ["region", "44"],
        ["department", "55"],
        ["territory", world.territories["meuse-sud"]!],
      ] as const) {
        const dashboard = await getDashboard({ db, actor, level, code, period: MARCH });
        outputs.push(JSON.stringify(dashboard));
        outputs.push(exportTableCsv({ headers: ["Origine", "Demandes"], rows: dashboard.byOrigin.map((o) => [o.label, o.count]) }));
      }
    }
    const text = outputs.join("\n");
    const patients = await db.patient.findMany({ select: { id: true, birthName: true, firstNames: true } });
    for (const needle of [
      "Durand",
      "Jeanne",
      "1946-05-12",
      "Douleurs mal contrôlées",
      "Infirmière Libérale",
      "06 12 34 56 78",
      "Paul",
      "Synthèse",
      "Doublon",
      ...patients.flatMap((p) => [p.id, p.birthName]),
    ]) {
      expect(text, needle).not.toContain(needle);
    }
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
  });
});

describe("the projection", () => {
  test("rebuilding every fact from the event log gives what the trigger maintained, row for row", async () => {
    const snapshot = async () => ({
      requests: await db.$queryRaw`SELECT * FROM request_fact ORDER BY request_id`,
      referrals: await db.$queryRaw`SELECT * FROM referral_fact ORDER BY referral_id`,
      interventions: await db.$queryRaw`SELECT * FROM intervention_fact ORDER BY intervention_id`,
    });
    const strip = (rows: unknown) => (rows as Record<string, unknown>[]).map(({ changed_xid: _, ...rest }) => rest);
    await db.$queryRaw`SELECT dashboard_refresh()`;
    const cube = await db.$queryRaw`SELECT * FROM dashboard_cell ORDER BY territory_id, department_code, month, dim, key`;
    const before = await snapshot();
    await db.$executeRaw`SELECT dashboard_rebuild()`;
    const after = await snapshot();
    expect(strip(after.requests)).toEqual(strip(before.requests));
    expect(strip(after.referrals)).toEqual(strip(before.referrals));
    expect(strip(after.interventions)).toEqual(strip(before.interventions));
    expect((before.interventions as unknown[]).length).toBe(3);
    expect(await db.$queryRaw`SELECT * FROM dashboard_cell ORDER BY territory_id, department_code, month, dim, key`).toEqual(cube);
    expect((before.requests as unknown[]).length).toBe(Object.keys(ids).length);
  });

  test("the dashboard functions keep their settings (a CREATE OR REPLACE drops them)", async () => {
    const settings = await db.$queryRaw<{ proname: string; proconfig: string[] | null }[]>`
      SELECT proname, proconfig FROM pg_proc WHERE proname IN ('dashboard_refresh', 'dashboard_rebuild', 'dashboard_build_cube') ORDER BY proname`;
    expect(settings).toEqual([
      { proname: "dashboard_build_cube", proconfig: ["work_mem=256MB"] },
      { proname: "dashboard_rebuild", proconfig: ["work_mem=256MB"] },
      { proname: "dashboard_refresh", proconfig: ["plan_cache_mode=force_custom_plan"] },
    ]);
  });

  test("the cube built at once equals the cube built month slice by month slice", async () => {
    const cube = () => db.$queryRaw`SELECT * FROM dashboard_cell ORDER BY territory_id, department_code, month, dim, key`;
    await db.$executeRaw`DELETE FROM dashboard_projection`;
    await db.$queryRaw`SELECT dashboard_refresh()`; // no horizon: the whole cube at once
    const whole = await cube();
    await db.$executeRaw`UPDATE dashboard_projection SET horizon_xid = 0`;
    await db.$executeRaw`DELETE FROM dashboard_cell`;
    expect(await db.$queryRaw`SELECT dashboard_refresh() AS n`).toEqual([{ n: 4 }]); // Meuse Jan/Feb/Mar, Bouches-du-Rhône Mar
    expect(await cube()).toEqual(whole);
  });
});
