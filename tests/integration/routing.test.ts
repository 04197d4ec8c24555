import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { createPrismaClient } from "@/lib/db";
import type { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { claimRequest } from "@/lib/requests/claim-request";
import { closeRequest } from "@/lib/requests/close-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { cloneRules } from "@/lib/routing/rules-draft";
import { getTerritoryRulesForEditor, listRulesTerritories, loadRoutingCandidates } from "@/lib/routing/queries";
import { getRoutingSuggestions } from "@/lib/routing/suggest-for-request";
import { flagUnmetNeeds } from "@/lib/requests/flag-unmet-needs";
import { openCoordinationRequest } from "@/lib/requests/open-coordination-request";
import { updateRoutingRules } from "@/lib/routing/update-rules";
import { BAR_LE_DUC, createWorld, fileTestRequest, VERDUN, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
const NOW = new Date();
const FRESH = new Date(NOW.getTime() - 2 * 24 * 3600 * 1000);

let world: World;
let s: {
  emsp: string; // meuse-sud, covers the territory Meuse Sud (world's EMSP)
  had: string; // meuse-sud, covers the whole département 55 (world's HAD)
  painVerdun: string; // meuse-nord, covers Verdun and Bar-le-Duc (listed communes)
  psyCommercy: string; // meuse-sud, covers another commune only
  ssiadVerdun: string; // meuse-nord, covers nothing: never loaded for Bar-le-Duc
  resp13: string; // Bouches-du-Rhône
};

type Offers = [Need, PlaceOfCare[]][];

async function setStructure(
  id: string,
  data: { coverageCommuneCodes?: string[]; coverageDepartmentCodes?: string[]; coverageTerritoryIds?: string[]; active?: boolean },
  offers: Offers,
) {
  await db.structure.update({ where: { id }, data: { ...data, capacityStatus: "AVAILABLE", capacityConfirmedAt: FRESH } });
  await db.structureOffer.createMany({ data: offers.flatMap(([need, settings]) => settings.map((setting) => ({ structureId: id, need, setting }))) });
}

async function newStructure(
  name: string,
  type: StructureType,
  territorySlug: string,
  coverage: Parameters<typeof setStructure>[1],
  offers: Offers,
): Promise<string> {
  const { id } = await db.structure.create({
    data: { name, type, territoryId: world.territories[territorySlug]!, phone: "03 53 01 55 98" },
    select: { id: true },
  });
  await setStructure(id, coverage, offers);
  return id;
}

async function otherCommuneOf(slug: string): Promise<string> {
  const row = await db.territoryCommune.findFirstOrThrow({
    where: { territoryId: world.territories[slug]!, communeCode: { not: BAR_LE_DUC } },
    orderBy: { communeCode: "asc" },
  });
  return row.communeCode;
}

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  await setStructure(world.structures.emsp, { coverageTerritoryIds: [world.territories["meuse-sud"]!] }, [
    ["PAIN", ["HOME", "NURSING_HOME"]],
    ["PALLIATIVE_CARE", ["HOME", "NURSING_HOME"]],
  ]);
  await setStructure(world.structures.had, { coverageDepartmentCodes: ["55"] }, [
    ["PAIN", ["HOME"]],
    ["PALLIATIVE_CARE", ["HOME"]],
  ]);
  s = {
    emsp: world.structures.emsp,
    had: world.structures.had,
    painVerdun: await newStructure("Consultation douleur du CH de Verdun", "PAIN_CLINIC", "meuse-nord", { coverageCommuneCodes: [VERDUN, BAR_LE_DUC] }, [
      ["PAIN", ["HOME", "HOSPITAL"]],
    ]),
    psyCommercy: await newStructure("Psychologue de Commercy", "PSYCHOLOGIST", "meuse-sud", { coverageCommuneCodes: [await otherCommuneOf("meuse-sud")] }, [
      ["PSYCHOLOGICAL_PATIENT", ["HOME"]],
    ]),
    ssiadVerdun: world.structures.ssiadVerdun,
    resp13: world.structures.resp13,
  };
}, 60_000);
afterAll(() => db.$disconnect());

async function version(requestId: string): Promise<number> {
  return (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
}

// A Bar-le-Duc request (crisis, at home, pain + palliative care unless told), claimed by the world's coordinator.
async function triaged(input: Parameters<typeof fileTestRequest>[2] = {}) {
  const filed = await fileTestRequest(db, world, input);
  await claimRequest({ db, actor: world.idec, requestId: filed.id });
  return { requestId: filed.id, version: await version(filed.id) };
}

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe("candidates", () => {
  test("are the structures covering the commune by listed commune, département or territory, plus the active ones of the request's territory", async () => {
    const inactiveCovering = await newStructure("SSIAD fermé de Bar-le-Duc", "SSIAD", "meuse-sud", { coverageCommuneCodes: [BAR_LE_DUC], active: false }, [
      ["HOME_CARE", ["HOME"]],
    ]);
    const inactiveElsewhere = await newStructure("Réseau fermé", "HEALTH_NETWORK", "meuse-sud", { coverageCommuneCodes: [VERDUN], active: false }, []);
    const otherDepartment = await newStructure("EMSP de Nancy", "EMSP", "meurthe-et-moselle", { coverageDepartmentCodes: ["54"] }, [["PAIN", ["HOME"]]]);
    const { structures } = await loadRoutingCandidates(db, { communeCode: BAR_LE_DUC, departmentCode: "55", territoryId: world.territories["meuse-sud"]! });
    const byId = new Map(structures.map((x) => [x.id, x]));
    expect([...byId.keys()].sort()).toEqual([s.emsp, s.had, s.painVerdun, s.psyCommercy, inactiveCovering].sort());
    for (const id of [inactiveElsewhere, otherDepartment, s.ssiadVerdun, s.resp13]) expect(byId.has(id)).toBe(false);
    // Covering or not, as the ranking reads it.
    for (const id of [s.emsp, s.had, s.painVerdun, inactiveCovering]) expect(byId.get(id)?.communeCodes.has(BAR_LE_DUC), id).toBe(true);
    expect(byId.get(s.psyCommercy)?.communeCodes.has(BAR_LE_DUC)).toBe(false);
    expect(byId.get(inactiveCovering)).toMatchObject({ active: false, type: "SSIAD" });
    expect(byId.get(s.emsp)).toMatchObject({
      type: "EMSP",
      active: true,
      ageGroups: ["ADULT"],
      capacity: "AVAILABLE",
      capacityConfirmedAt: FRESH,
      onCall24h: false,
      offers: expect.arrayContaining([
        { need: "PAIN", settings: expect.arrayContaining(["HOME", "NURSING_HOME"]) },
        { need: "PALLIATIVE_CARE", settings: expect.arrayContaining(["HOME", "NURSING_HOME"]) },
      ]),
    });
    // Verdun (Meuse Nord): the Verdun consultation by its listed commune, the HAD by its département.
    const verdun = await loadRoutingCandidates(db, { communeCode: VERDUN, departmentCode: "55", territoryId: world.territories["meuse-nord"]! });
    expect(
      verdun.structures
        .filter((x) => x.communeCodes.has(VERDUN))
        .map((x) => x.id)
        .sort(),
    ).toEqual([s.had, s.painVerdun, inactiveElsewhere].sort());
    expect(verdun.structures.map((x) => x.id)).toContain(s.ssiadVerdun); // its own territory's, not covering
  });
});

describe("getRoutingSuggestions", () => {
  test("per need, the ranked candidates with their reasons in French, and the others folded with why", async () => {
    const { requestId } = await triaged();
    const suggestions = await getRoutingSuggestions({ db, actor: world.idec, requestId, now: NOW });
    expect(suggestions).toMatchObject({
      routed: true,
      communeName: "Bar-le-Duc",
      placeOfCare: "HOME",
      urgency: "CRISIS",
      rulesCustomized: false,
      flagged: [],
      unmetNeeds: [],
    });
    const [pain, palliative] = suggestions.needs;
    expect(pain?.need).toBe("PAIN");
    expect(names(pain!.candidates)).toEqual(["Consultation douleur du CH de Verdun", "EMSP de Bar-le-Duc", "HAD Meuse"]);
    expect(pain!.candidates[0]).toMatchObject({
      rank: 1,
      top: true,
      phone: "03 53 01 55 98",
      administeredElsewhere: "Meuse Nord (Verdun)",
      hasActiveReferral: false,
      reasons: expect.arrayContaining([
        "couvre Bar-le-Duc",
        "propose la prise en charge de la douleur à domicile",
        "type prioritaire pour ce besoin (1er choix du territoire)",
        "disponible",
      ]),
    });
    expect(pain!.candidates[1]).toMatchObject({ administeredElsewhere: null });
    expect(palliative?.need).toBe("PALLIATIVE_CARE");
    expect(names(palliative!.candidates)).toEqual(["EMSP de Bar-le-Duc", "HAD Meuse"]);
    // The psychologist of the territory is not concerned by pain (not in the rules, no offer): not listed at all.
    expect(pain!.excluded).toEqual([]);

    const psy = (await getRoutingSuggestions({ db, actor: world.idec, requestId: (await triaged({ needs: ["PSYCHOLOGICAL_PATIENT"] })).requestId, now: NOW }))
      .needs[0]!;
    expect(psy).toMatchObject({ unmet: true, candidates: [], excludedCount: 2 });
    // Nearest misses first: the EMSP covers the commune (its psychologist is in the rules) but offers no psychological support.
    expect(psy.excluded).toEqual([
      expect.objectContaining({ name: "EMSP de Bar-le-Duc", reasons: ["ne propose pas le soutien psychologique du patient"] }),
      expect.objectContaining({ name: "Psychologue de Commercy", reasons: ["ne couvre pas Bar-le-Duc"] }),
    ]);
    expect(psy.unmetReason).toMatch(/^aucune structure ne peut être proposée à Bar-le-Duc pour le soutien psychologique du patient à domicile/);
  });

  test("are scoped: another territory's coordinator gets not found; other roles are refused", async () => {
    const { requestId } = await triaged();
    await expect(getRoutingSuggestions({ db, actor: world.pacaIdec, requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const actor of [world.gp, world.emsp, world.ars, world.admin]) {
      await expect(getRoutingSuggestions({ db, actor, requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getRoutingSuggestions({ db, actor: world.idec, requestId: "no-such-request" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("follow the territory's rules, and mark the structures already asked", async () => {
    const { requestId, version: v } = await triaged({ needs: ["PAIN"] });
    const rules = cloneRules(DEFAULT_ROUTING_RULES);
    rules.PAIN.HOME = ["HAD", "EMSP"];
    await updateRoutingRules({ db, actor: world.idec, input: { territoryId: world.territories["meuse-sud"]!, version: 0, rules } });
    await orientRequest({ db, actor: world.idec, input: { requestId, version: v, structureIds: [s.had] } });
    const [pain] = (await getRoutingSuggestions({ db, actor: world.idec, requestId, now: NOW })).needs;
    expect(names(pain!.candidates)).toEqual(["HAD Meuse", "EMSP de Bar-le-Duc"]);
    expect(pain!.candidates.map((c) => c.hasActiveReferral)).toEqual([true, false]);
    expect(pain!.excluded).toEqual([
      expect.objectContaining({
        name: "Consultation douleur du CH de Verdun",
        reasons: ["ce type de structure ne sert pas ce besoin selon les règles du territoire"],
      }),
    ]);
  });
});

describe("unmet needs", () => {
  test("reading the suggestions writes nothing; opening the request records the access and the unmet needs", async () => {
    const { requestId } = await triaged({ needs: ["PAIN", "SOCIAL"] });
    const events = () => db.event.count({ where: { subjectId: requestId } });
    const before = await events();
    const read = await getRoutingSuggestions({ db, actor: world.idec, requestId, now: NOW });
    expect(read.needs.find((n) => n.need === "SOCIAL")?.unmet).toBe(true);
    expect(read).toMatchObject({ flagged: [], unmetNeeds: [] });
    expect(await events()).toBe(before);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { unmetNeeds: true } })).unmetNeeds).toEqual([]);

    const opened = await openCoordinationRequest({ db, actor: world.idec, requestId, now: NOW });
    expect(opened.suggestions.flagged).toEqual(["SOCIAL"]);
    const recorded = await db.event.findMany({ where: { subjectId: requestId, at: NOW }, select: { type: true, actorId: true }, orderBy: { id: "asc" } });
    expect(recorded).toEqual([
      { type: "request.viewed", actorId: world.idec.id },
      { type: "request.unmet_needs_flagged", actorId: world.idec.id },
    ]);
  });

  test("are stored and evented once, when the coordinator first opens the request, not on every view", async () => {
    const { requestId } = await triaged({ needs: ["PAIN", "SOCIAL", "NUTRITION"] });
    const first = await flagUnmetNeeds({ db, actor: world.idec, requestId, now: NOW });
    expect(first.flagged).toEqual(["SOCIAL", "NUTRITION"]);
    expect(first.needs.filter((n) => n.unmet).map((n) => n.need)).toEqual(["SOCIAL", "NUTRITION"]);
    expect(first.needs.find((n) => n.need === "SOCIAL")?.unmetReason).toBe("aucune structure de l'annuaire ne correspond à l'accompagnement social à domicile");
    const before = await version(requestId);
    for (let i = 0; i < 3; i++) expect((await flagUnmetNeeds({ db, actor: world.otherIdec, requestId, now: NOW })).flagged).toEqual([]);
    await Promise.all([flagUnmetNeeds({ db, actor: world.idec, requestId }), flagUnmetNeeds({ db, actor: world.otherIdec, requestId })]);

    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { unmetNeeds: true, version: true } })).toEqual({
      unmetNeeds: ["SOCIAL", "NUTRITION"],
      version: before,
    });
    const events = await db.event.findMany({ where: { subjectId: requestId, type: "request.unmet_needs_flagged" }, select: { actorId: true, data: true } });
    expect(events).toEqual([{ actorId: world.idec.id, data: { needs: ["SOCIAL", "NUTRITION"] } }]);
    // Told in words in the timeline, to the coordinator and to the GP.
    for (const actor of [world.idec, world.gp]) {
      expect((await getRequestTimeline({ actor, requestId })).map((e) => e.text)).toContain(
        "Besoin non couvert signalé pour le territoire : situation sociale (droits, aides, isolement), nutrition",
      );
    }

    // A social worker now covers the commune: the request keeps its recorded gap, nothing new is evented.
    await newStructure("Assistante sociale de Bar-le-Duc", "SOCIAL_WORKER", "meuse-sud", { coverageCommuneCodes: [BAR_LE_DUC] }, [["SOCIAL", ["HOME"]]]);
    const later = await flagUnmetNeeds({ db, actor: world.idec, requestId, now: NOW });
    expect(later.needs.find((n) => n.need === "SOCIAL")?.unmet).toBe(false);
    expect(later).toMatchObject({ flagged: [], unmetNeeds: ["SOCIAL", "NUTRITION"] });
    // The last pain teams close: pain is flagged in its turn, alone.
    await db.structure.updateMany({ where: { id: { in: [s.emsp, s.had, s.painVerdun] } }, data: { active: false } });
    expect((await flagUnmetNeeds({ db, actor: world.idec, requestId, now: NOW })).flagged).toEqual(["PAIN"]);
    expect(await db.event.count({ where: { subjectId: requestId, type: "request.unmet_needs_flagged" } })).toBe(2);
  });

  test("a closed request is not routed again and nothing is flagged", async () => {
    const { requestId, version: v } = await triaged({ needs: ["SOCIAL"] });
    await closeRequest({ db, actor: world.idec, input: { requestId, version: v, outcome: "REDIRECTED", summary: "Adressée au CCAS." } });
    const suggestions = await flagUnmetNeeds({ db, actor: world.idec, requestId, now: NOW });
    expect(suggestions).toMatchObject({ routed: false, needs: [], flagged: [], unmetNeeds: [] });
    expect(await db.event.count({ where: { subjectId: requestId, type: "request.unmet_needs_flagged" } })).toBe(0);
  });
});

describe("orienting through the suggestions", () => {
  test("one click on a suggestion records its rank, even for a neighbouring territory's team covering the commune", async () => {
    const ref = await triaged();
    await orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.painVerdun] } });
    await orientRequest({ db, actor: world.idec, input: { requestId: ref.requestId, version: await version(ref.requestId), structureIds: [s.had] } });
    const referrals = await db.referral.findMany({
      where: { requestId: ref.requestId },
      select: { structureId: true, suggestionRank: true, overrideReason: true, status: true },
    });
    expect(referrals).toEqual(
      expect.arrayContaining([
        { structureId: s.painVerdun, suggestionRank: 1, overrideReason: null, status: "PROPOSED" },
        // 3rd for pain, 2nd for palliative care: its best rank.
        { structureId: s.had, suggestionRank: 2, overrideReason: null, status: "PROPOSED" },
      ]),
    );
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId }, select: { status: true } })).toEqual({ status: "ORIENTED" });
  });

  test("a structure outside the top suggestions asks for a reason; nothing is written without it; the reason is kept on its referral only", async () => {
    const ref = await triaged({ needs: ["PSYCHOLOGICAL_PATIENT", "PAIN"] });
    await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.emsp, s.psyCommercy] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Orientation hors suggestions : indiquez le motif.",
      fieldErrors: {
        overrideReason: ["Psychologue de Commercy n'est pas parmi les suggestions pour les besoins de cette demande : indiquez pourquoi vous la choisissez."],
      },
    });
    await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.psyCommercy], overrideReason: "   " } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.referral.count()).toBe(0);
    expect(await version(ref.requestId)).toBe(ref.version);

    const reason = "Suit déjà la patiente, accepte de se déplacer à Bar-le-Duc.";
    await orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.emsp, s.psyCommercy], overrideReason: reason } });
    const referrals = await db.referral.findMany({
      where: { requestId: ref.requestId },
      select: { structureId: true, suggestionRank: true, overrideReason: true },
    });
    expect(referrals).toEqual(
      expect.arrayContaining([
        { structureId: s.emsp, suggestionRank: 2, overrideReason: null },
        { structureId: s.psyCommercy, suggestionRank: null, overrideReason: reason },
      ]),
    );
  });

  test("a candidate ranked beyond the top three is an override too, recorded with its rank", async () => {
    await newStructure("Consultation douleur de Bar-le-Duc", "PAIN_CLINIC", "meuse-sud", { coverageCommuneCodes: [BAR_LE_DUC] }, [["PAIN", ["HOME"]]]);
    const ref = await triaged({ needs: ["PAIN"] });
    const [pain] = (await flagUnmetNeeds({ db, actor: world.idec, requestId: ref.requestId, now: NOW })).needs;
    expect(pain!.candidates.map((c) => [c.name, c.top])).toEqual([
      ["Consultation douleur de Bar-le-Duc", true],
      ["Consultation douleur du CH de Verdun", true],
      ["EMSP de Bar-le-Duc", true],
      ["HAD Meuse", false],
    ]);
    await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.had] } })).rejects.toMatchObject({
      fieldErrors: { overrideReason: [expect.stringContaining("HAD Meuse")] },
    });
    await orientRequest({
      db,
      actor: world.idec,
      input: { ...ref, structureIds: [s.had], overrideReason: "Pompe PCA : hospitalisation à domicile nécessaire." },
    });
    expect(await db.referral.findFirstOrThrow({ where: { requestId: ref.requestId }, select: { suggestionRank: true, overrideReason: true } })).toEqual({
      suggestionRank: 4,
      overrideReason: "Pompe PCA : hospitalisation à domicile nécessaire.",
    });
  });

  test("when no need has any candidate there is nothing to override: no reason is asked, the rank is empty", async () => {
    const ref = await triaged({ needs: ["SOCIAL"] });
    await orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [s.emsp] } });
    expect(await db.referral.findFirstOrThrow({ where: { requestId: ref.requestId }, select: { suggestionRank: true, overrideReason: true } })).toEqual({
      suggestionRank: null,
      overrideReason: null,
    });
  });

  test("a structure neither of the territory nor covering the commune is still refused", async () => {
    const ref = await triaged();
    for (const other of [s.ssiadVerdun, s.resp13]) {
      await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [other], overrideReason: "Essai." } })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { structureIds: ["Choisissez des structures actives du territoire de la demande."] },
      });
    }
  });
});

describe("updateRoutingRules", () => {
  const meuseSud = () => world.territories["meuse-sud"]!;

  test("saves a valid table on the current version, with one event listing the changes by code", async () => {
    const rules = cloneRules(DEFAULT_ROUTING_RULES);
    rules.PAIN.HOME = ["EMSP", "PAIN_CLINIC", "HAD", "PSYCHOLOGIST"];
    rules.HOME_CARE.NURSING_HOME = [];
    const saved = await updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 0, rules } });
    expect(saved.version).toBe(1);
    expect(saved.changes.map((c) => c.description)).toEqual([
      "Douleur — Domicile : ajout de « Psychologue » (4e choix) ; retrait de « Réseau de soins palliatifs » ; retrait de « Équipe ressource régionale de soins palliatifs pédiatriques (ERRSPP) » ; nouvel ordre : 1. Équipe mobile / territoriale de soins palliatifs (EMSP), 2. Consultation douleur, 3. Hospitalisation à domicile (HAD), 4. Psychologue",
      "Organisation des soins à domicile — EHPAD / établissement médico-social : retrait de « Hospitalisation à domicile (HAD) » ; plus aucun type de structure : le besoin sera signalé comme non couvert",
    ]);
    expect(await db.territoryRoutingRules.findUniqueOrThrow({ where: { territoryId: meuseSud() } })).toMatchObject({
      rules,
      version: 1,
      updatedById: world.idec.id,
    });
    const event = await db.event.findFirstOrThrow({ where: { type: "routing.rules_updated" } });
    expect(event).toMatchObject({ actorId: world.idec.id, subjectType: "territory", subjectId: meuseSud() });
    expect(event.data).toEqual({
      changes: [
        { need: "PAIN", setting: "HOME", before: [...DEFAULT_ROUTING_RULES.PAIN.HOME], after: ["EMSP", "PAIN_CLINIC", "HAD", "PSYCHOLOGIST"] },
        { need: "HOME_CARE", setting: "NURSING_HOME", before: ["HAD"], after: [] },
      ],
    });
    // Back to the defaults: a second version, a second event; saving the same table again writes nothing.
    expect(
      (await updateRoutingRules({ db, actor: world.admin, input: { territoryId: meuseSud(), version: 1, rules: cloneRules(DEFAULT_ROUTING_RULES) } })).version,
    ).toBe(2);
    expect(
      await updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 2, rules: cloneRules(DEFAULT_ROUTING_RULES) } }),
    ).toEqual({ version: 2, changes: [] });
    expect(await db.event.count({ where: { type: "routing.rules_updated" } })).toBe(2);
  });

  test("an invalid table is refused with French messages naming the need and place of care, and nothing is written", async () => {
    const rules = cloneRules(DEFAULT_ROUTING_RULES) as unknown as Record<string, Record<string, string[]>>;
    rules.PAIN!.HOME = ["EMSP", "EMSP", "WIZARD"];
    delete rules.SOCIAL;
    const error = await updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 0, rules: rules as never } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    const messages = (error as ZodError).issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Type de structure inconnu : « WIZARD ».",
        "Douleur — Domicile : « Équipe mobile / territoriale de soins palliatifs (EMSP) » figure deux fois.",
        "Règles manquantes pour « Situation sociale (droits, aides, isolement) » (une liste par lieu de soins).",
      ]),
    );
    expect(await db.territoryRoutingRules.count()).toBe(0);
    expect(await db.event.count({ where: { type: "routing.rules_updated" } })).toBe(0);
  });

  test("GP, team, ARS and another territory's coordinator are refused; an administrator may edit any territory", async () => {
    const input = { territoryId: meuseSud(), version: 0, rules: cloneRules(DEFAULT_ROUTING_RULES) };
    input.rules.PAIN.HOME = ["EMSP"];
    for (const actor of [world.gp, world.emsp, world.ars, world.pacaIdec]) {
      await expect(updateRoutingRules({ db, actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.territoryRoutingRules.count()).toBe(0);
    await expect(getTerritoryRulesForEditor({ db, actor: world.pacaIdec, slug: "meuse-sud" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateRoutingRules({ db, actor: world.admin, input: { ...input, territoryId: world.territories["bouches-du-rhone"]! } });
    expect(await db.territoryRoutingRules.count()).toBe(1);
    await expect(updateRoutingRules({ db, actor: world.admin, input: { ...input, territoryId: "no-such-territory" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("a stale editor gets a conflict, also when two first saves race; the winner's table stays", async () => {
    const a = cloneRules(DEFAULT_ROUTING_RULES);
    a.PAIN.HOME = ["EMSP"];
    const b = cloneRules(DEFAULT_ROUTING_RULES);
    b.PAIN.HOME = ["HAD"];
    const results = await Promise.allSettled([
      updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 0, rules: a } }),
      updateRoutingRules({ db, actor: world.otherIdec, input: { territoryId: meuseSud(), version: 0, rules: b } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/modifiées par quelqu'un d'autre/),
    });
    const winner = results[0]?.status === "fulfilled" ? a : b;
    await expect(
      updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 0, rules: cloneRules(DEFAULT_ROUTING_RULES) } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.territoryRoutingRules.findUniqueOrThrow({ where: { territoryId: meuseSud() }, select: { rules: true, version: true } })).toEqual({
      rules: winner,
      version: 1,
    });
    expect(await db.event.count({ where: { type: "routing.rules_updated" } })).toBe(1);
  });

  test("the editor lists a coordinator's own territories, every territory for an administrator, with the author of the last save", async () => {
    expect((await listRulesTerritories({ db, actor: world.idec })).map((t) => t.slug)).toEqual(["meuse-nord", "meuse-sud"]);
    expect((await listRulesTerritories({ db, actor: world.admin })).length).toBe(Object.keys(world.territories).length);
    await expect(listRulesTerritories({ db, actor: world.gp })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rules = cloneRules(DEFAULT_ROUTING_RULES);
    rules.PAIN.HOME = ["EMSP"];
    await updateRoutingRules({ db, actor: world.idec, input: { territoryId: meuseSud(), version: 0, rules } });
    expect(await getTerritoryRulesForEditor({ db, actor: world.admin, slug: "meuse-sud" })).toMatchObject({
      territory: { slug: "meuse-sud", name: "Meuse Sud (Bar-le-Duc)" },
      version: 1,
      customized: true,
      repaired: false,
      updatedByName: "Sophie Lambert",
      rules: expect.objectContaining({ PAIN: expect.objectContaining({ HOME: ["EMSP"] }) }),
    });
    expect(await getTerritoryRulesForEditor({ db, actor: world.idec, slug: "meuse-nord" })).toMatchObject({
      version: 0,
      customized: false,
      updatedByName: null,
    });
    expect((await listRulesTerritories({ db, actor: world.idec })).find((t) => t.slug === "meuse-sud")).toMatchObject({ customized: true });
  });
});
