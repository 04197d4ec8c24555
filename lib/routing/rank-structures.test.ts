import { describe, expect, test } from "vitest";
import type { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { rankStructures } from "@/lib/routing/rank-structures";
import type { NeedRouting, RoutingRequest, RoutingRules, RoutingStructure } from "@/lib/routing/types";

const BAR_LE_DUC = "55029";
const VERDUN = "55545";
const NOW = new Date("2026-11-23T10:00:00Z");
const CONFIRMED = new Date("2026-11-20T10:00:00Z"); // 20/11/2026, fresh

let nextId = 0;
function structure(overrides: Partial<RoutingStructure> & { type: StructureType; needs?: Need[]; settings?: PlaceOfCare[] }): RoutingStructure {
  const { needs = ["PAIN"], settings = ["HOME"], ...rest } = overrides;
  nextId++;
  return {
    id: `s${String(nextId).padStart(3, "0")}`,
    name: `Structure ${nextId}`,
    active: true,
    communeCodes: new Set([BAR_LE_DUC]),
    offers: needs.map((need) => ({ need, settings })),
    ageGroups: ["ADULT"],
    capacity: "AVAILABLE",
    capacityConfirmedAt: CONFIRMED,
    ...rest,
  };
}

function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return { needs: ["PAIN"], urgency: "PLANNED", placeOfCare: "HOME", communeCode: BAR_LE_DUC, communeName: "Bar-le-Duc", patientAge: 72, ...overrides };
}

function rank(structures: RoutingStructure[], requestOverrides: Partial<RoutingRequest> = {}, rules: RoutingRules = DEFAULT_ROUTING_RULES): NeedRouting[] {
  return rankStructures({ request: request(requestOverrides), structures, rules, now: NOW });
}

function only(results: NeedRouting[]): NeedRouting {
  expect(results).toHaveLength(1);
  return results[0] as NeedRouting;
}

const names = (routing: NeedRouting) => routing.candidates.map((c) => c.name);

describe("ranking", () => {
  const painClinic = structure({ type: "PAIN_CLINIC", name: "Consultation douleur de Verdun", communeCodes: new Set([VERDUN, BAR_LE_DUC]) });
  const emsp = structure({ type: "EMSP", name: "EMSP de Bar-le-Duc" });
  const had = structure({ type: "HAD", name: "HAD de la Meuse" });

  test("follows the territory's order of types, each with its full reasons", () => {
    const routing = only(rank([had, emsp, painClinic]));
    expect(routing.candidates).toEqual([
      {
        structureId: painClinic.id,
        name: "Consultation douleur de Verdun",
        type: "PAIN_CLINIC",
        score: 105,
        reasons: [
          "couvre Bar-le-Duc",
          "propose la prise en charge de la douleur à domicile",
          "type prioritaire pour ce besoin (1er choix du territoire)",
          "disponible",
          "capacité confirmée le 20/11/2026",
        ],
      },
      {
        structureId: emsp.id,
        name: "EMSP de Bar-le-Duc",
        type: "EMSP",
        score: 85,
        reasons: [
          "couvre Bar-le-Duc",
          "propose la prise en charge de la douleur à domicile",
          "type retenu pour ce besoin (2e choix du territoire)",
          "disponible",
          "capacité confirmée le 20/11/2026",
        ],
      },
      expect.objectContaining({ name: "HAD de la Meuse", score: 45, reasons: expect.arrayContaining(["type retenu pour ce besoin (4e choix du territoire)"]) }),
    ]);
    expect(routing).toMatchObject({ unmet: false, unmetReason: null, excluded: [], excludedCount: 0 });
  });

  test("territory rules that change the order change the ranking", () => {
    const rules = structuredClone(DEFAULT_ROUTING_RULES) as { -readonly [K in keyof RoutingRules]: Record<PlaceOfCare, StructureType[]> };
    rules.PAIN.HOME = ["HAD", "EMSP", "PAIN_CLINIC"];
    expect(names(only(rank([painClinic, emsp, had], {}, rules)))).toEqual(["HAD de la Meuse", "EMSP de Bar-le-Duc", "Consultation douleur de Verdun"]);
  });

  test("in planned care, capacity orders structures of the same type only", () => {
    const waitingFirstChoice = structure({ type: "PAIN_CLINIC", name: "A Consultation", capacity: "WAITING_LIST" });
    const availableFirstChoice = structure({ type: "PAIN_CLINIC", name: "B Consultation" });
    const assessmentFirstChoice = structure({ type: "PAIN_CLINIC", name: "C Consultation", capacity: "ASSESSMENT_FIRST" });
    const availableSecondChoice = structure({ type: "EMSP", name: "D EMSP", onCall24h: true });
    expect(names(only(rank([availableSecondChoice, waitingFirstChoice, assessmentFirstChoice, availableFirstChoice])))).toEqual([
      "B Consultation",
      "C Consultation",
      "A Consultation",
      "D EMSP",
    ]);
  });

  test("in a crisis, an available structure passes a better-ranked one on a waiting list, and fresh passes stale", () => {
    const waiting = structure({ type: "PAIN_CLINIC", name: "Consultation en attente", capacity: "WAITING_LIST" });
    const stale = structure({ type: "PAIN_CLINIC", name: "Consultation non confirmée", capacityConfirmedAt: new Date("2026-09-01T10:00:00Z") });
    const fresh = structure({ type: "EMSP", name: "EMSP disponible" });
    const fourthChoice = structure({ type: "HAD", name: "HAD disponible" });
    const structures = [waiting, stale, fresh, fourthChoice];
    expect(names(only(rank(structures)))).toEqual(["Consultation non confirmée", "Consultation en attente", "EMSP disponible", "HAD disponible"]);
    expect(names(only(rank(structures, { urgency: "CRISIS" })))).toEqual([
      "EMSP disponible",
      "Consultation non confirmée",
      "HAD disponible",
      "Consultation en attente",
    ]);
  });

  test("in a crisis, 24-hour on-call counts and a waiting list is flagged", () => {
    const onCall = structure({ type: "HAD", name: "HAD avec astreinte", onCall24h: true });
    const daytime = structure({ type: "HAD", name: "A HAD de jour" });
    const waiting = structure({ type: "EMSP", name: "EMSP", capacity: "WAITING_LIST", capacitySince: new Date("2026-11-12T09:00:00Z") });
    const routing = only(rank([daytime, onCall, waiting], { urgency: "CRISIS" }));
    expect(names(routing)).toEqual(["HAD avec astreinte", "A HAD de jour", "EMSP"]);
    expect(routing.candidates[0]?.reasons.at(-1)).toBe("astreinte 24 h/24");
    expect(routing.candidates[2]?.reasons).toContain("liste d'attente depuis le 12/11/2026 : délai peu compatible avec une situation de crise");
    // Outside a crisis, on-call is not a reason.
    expect(only(rank([onCall])).candidates[0]?.reasons).not.toContain("astreinte 24 h/24");
  });

  test("a child: the team dedicated to children first, adult-only structures excluded", () => {
    const emsp = structure({ type: "EMSP", name: "EMSP", needs: ["PALLIATIVE_CARE"], ageGroups: ["ADULT", "CHILD"] });
    const errspp = structure({ type: "ERRSPP", name: "ERRSPP Lorraine", needs: ["PALLIATIVE_CARE"], ageGroups: ["CHILD"] });
    const network = structure({ type: "PALLIATIVE_NETWORK", name: "Réseau Sud Meuse", needs: ["PALLIATIVE_CARE"], ageGroups: ["ADULT"] });
    const structures = [network, emsp, errspp];

    const child = only(rank(structures, { needs: ["PALLIATIVE_CARE"], patientAge: 9 }));
    expect(names(child)).toEqual(["ERRSPP Lorraine", "EMSP"]);
    expect(child.candidates[0]?.reasons).toContain("équipe dédiée aux enfants (priorité pour un enfant)");
    expect(child.candidates[1]?.reasons).toContain("accueille les enfants");
    expect(child.excluded).toEqual([{ structureId: network.id, name: "Réseau Sud Meuse", type: "PALLIATIVE_NETWORK", reasons: ["n'accueille pas d'enfants"] }]);

    const adult = only(rank(structures, { needs: ["PALLIATIVE_CARE"], patientAge: 18 }));
    expect(names(adult)).toEqual(["EMSP", "Réseau Sud Meuse"]);
    expect(adult.excluded.map((e) => [e.name, e.reasons])).toEqual([["ERRSPP Lorraine", ["réservée aux enfants"]]]);
  });

  test("an unknown age excludes no one but says when a team is for children", () => {
    const errspp = structure({ type: "ERRSPP", name: "ERRSPP", needs: ["PALLIATIVE_CARE"], ageGroups: ["CHILD"] });
    const unfilled = structure({ type: "EMSP", name: "EMSP", needs: ["PALLIATIVE_CARE"], ageGroups: [] });
    const routing = only(rank([errspp, unfilled], { needs: ["PALLIATIVE_CARE"], patientAge: null }));
    expect(names(routing)).toEqual(["EMSP", "ERRSPP"]);
    expect(routing.candidates[1]?.reasons).toContain("réservée aux enfants : âge du patient non renseigné, à vérifier");
    // Age groups not filled in: no age check, even for a child.
    expect(names(only(rank([unfilled], { needs: ["PALLIATIVE_CARE"], patientAge: 4 })))).toEqual(["EMSP"]);
  });
});

describe("positive reasons", () => {
  const cases: { name: string; overrides: Partial<RoutingStructure>; request?: Partial<RoutingRequest>; reason: string }[] = [
    { name: "covered commune", overrides: {}, reason: "couvre Bar-le-Duc" },
    { name: "offer in the place of care", overrides: {}, request: { placeOfCare: "HOSPITAL" }, reason: "propose la prise en charge de la douleur à l'hôpital" },
    { name: "available", overrides: {}, reason: "disponible" },
    {
      name: "waiting list with its date",
      overrides: { capacity: "WAITING_LIST", capacitySince: new Date("2026-11-12T09:00:00Z") },
      reason: "liste d'attente depuis le 12/11/2026",
    },
    { name: "waiting list, date unknown", overrides: { capacity: "WAITING_LIST" }, reason: "liste d'attente" },
    { name: "assessment first", overrides: { capacity: "ASSESSMENT_FIRST" }, reason: "évaluation préalable demandée" },
    {
      name: "capacity confirmed 29 days ago",
      overrides: { capacityConfirmedAt: new Date("2026-10-25T10:00:00Z") },
      reason: "capacité confirmée le 25/10/2026",
    },
    {
      name: "capacity not confirmed for 31 days",
      overrides: { capacityConfirmedAt: new Date("2026-10-23T09:00:00Z") },
      reason: "capacité non confirmée depuis le 23/10/2026",
    },
    { name: "capacity never confirmed", overrides: { capacityConfirmedAt: null }, reason: "capacité jamais confirmée" },
    { name: "Paris date, not UTC", overrides: { capacityConfirmedAt: new Date("2026-11-19T23:30:00Z") }, reason: "capacité confirmée le 20/11/2026" },
  ];
  for (const { name, overrides, request: req, reason } of cases) {
    test(`${name}: "${reason}"`, () => {
      const s = structure({ type: "PAIN_CLINIC", settings: ["HOME", "HOSPITAL"], ...overrides });
      expect(only(rank([s], req)).candidates[0]?.reasons).toContain(reason);
    });
  }

  test("another place of care: offered elsewhere, kept but to be confirmed and ranked after an explicit offer", () => {
    const elsewhere = structure({ type: "PAIN_CLINIC", name: "A Consultation", settings: ["HOME", "HOSPITAL"] });
    const explicit = structure({ type: "PAIN_CLINIC", name: "B Consultation", settings: ["OTHER"] });
    const routing = only(rank([elsewhere, explicit], { placeOfCare: "OTHER" }));
    expect(names(routing)).toEqual(["B Consultation", "A Consultation"]);
    expect(routing.candidates[0]?.reasons[1]).toBe("propose la prise en charge de la douleur dans un autre lieu de soins");
    expect(routing.candidates[1]?.reasons[1]).toBe(
      "propose la prise en charge de la douleur (à domicile, à l'hôpital) : intervention dans ce lieu de soins à confirmer",
    );
  });
});

describe("exclusions", () => {
  const cases: { name: string; make: () => RoutingStructure; request?: Partial<RoutingRequest>; reasons: string[] }[] = [
    { name: "inactive", make: () => structure({ type: "PAIN_CLINIC", active: false }), reasons: ["inactive"] },
    {
      name: "outside its area",
      make: () => structure({ type: "PAIN_CLINIC", communeCodes: new Set([BAR_LE_DUC]) }),
      request: { communeCode: VERDUN, communeName: "Verdun" },
      reasons: ["ne couvre pas Verdun"],
    },
    { name: "full", make: () => structure({ type: "PAIN_CLINIC", capacity: "FULL" }), reasons: ["complet (capacité confirmée le 20/11/2026)"] },
    {
      name: "full for long, not reconfirmed",
      make: () =>
        structure({
          type: "PAIN_CLINIC",
          capacity: "FULL",
          capacitySince: new Date("2026-09-01T10:00:00Z"),
          capacityConfirmedAt: new Date("2026-09-01T10:00:00Z"),
        }),
      reasons: ["complet depuis le 01/09/2026 (capacité non confirmée depuis le 01/09/2026)"],
    },
    {
      name: "type not served by the rules",
      make: () => structure({ type: "PSYCHOLOGIST" }),
      reasons: ["ce type de structure ne sert pas ce besoin selon les règles du territoire"],
    },
    {
      name: "type in the rules, need not offered",
      make: () => structure({ type: "EMSP", needs: ["PALLIATIVE_CARE"] }),
      reasons: ["ne propose pas la prise en charge de la douleur"],
    },
    {
      name: "need offered, not in this place of care",
      make: () => ({
        ...structure({ type: "EMSP" }),
        offers: [
          { need: "PAIN", settings: ["HOSPITAL"] },
          { need: "PALLIATIVE_CARE", settings: ["HOME"] },
        ],
      }),
      reasons: ["ne propose pas la prise en charge de la douleur à domicile"],
    },
    {
      name: "not working in this place of care at all",
      make: () => structure({ type: "EMSP", settings: ["HOSPITAL", "NURSING_HOME"] }),
      reasons: ["n'intervient pas à domicile"],
    },
    {
      name: "adults only, for a child",
      make: () => structure({ type: "PAIN_CLINIC", ageGroups: ["ADULT"] }),
      request: { patientAge: 12 },
      reasons: ["n'accueille pas d'enfants"],
    },
    { name: "children only, for an adult", make: () => structure({ type: "EMSP", ageGroups: ["CHILD"] }), reasons: ["réservée aux enfants"] },
    {
      name: "several at once, all told",
      make: () =>
        structure({ type: "PSYCHOLOGIST", active: false, communeCodes: new Set(), settings: ["HOSPITAL"], capacity: "FULL", capacityConfirmedAt: null }),
      reasons: [
        "inactive",
        "ne couvre pas Bar-le-Duc",
        "ce type de structure ne sert pas ce besoin selon les règles du territoire",
        "n'intervient pas à domicile",
        "complet (capacité jamais confirmée)",
      ],
    },
  ];
  for (const { name, make, request: req, reasons } of cases) {
    test(`${name}: ${reasons.join(" / ")}`, () => {
      const s = make();
      const routing = only(rank([s], req));
      expect(routing.candidates).toEqual([]);
      expect(routing.excluded).toEqual([{ structureId: s.id, name: s.name, type: s.type, reasons }]);
      expect(routing.excludedCount).toBe(1);
    });
  }

  test("a structure concerned by neither the rules nor its offer is not listed at all", () => {
    const dietician = structure({ type: "DIETICIAN", needs: ["NUTRITION"] });
    expect(only(rank([dietician]))).toMatchObject({ candidates: [], excluded: [], excludedCount: 0 });
  });

  test("the nearest misses are kept first (covering the commune, then fewest reasons), up to the limit, with the total count", () => {
    const structures = [
      structure({ type: "PAIN_CLINIC", name: "B hors zone", communeCodes: new Set() }),
      structure({ type: "PAIN_CLINIC", name: "A hors zone", communeCodes: new Set() }),
      structure({ type: "PAIN_CLINIC", name: "0 deux motifs", active: false, capacity: "FULL" }),
      structure({ type: "PAIN_CLINIC", name: "C complet", capacity: "FULL" }),
    ];
    const [routing] = rankStructures({ request: request(), structures, rules: DEFAULT_ROUTING_RULES, now: NOW, maxExcluded: 3 });
    expect(routing?.excluded.map((e) => e.name)).toEqual(["C complet", "0 deux motifs", "A hors zone"]);
    expect(routing?.excludedCount).toBe(4);
    const [all] = rankStructures({ request: request(), structures, rules: DEFAULT_ROUTING_RULES, now: NOW, maxExcluded: Infinity });
    expect(all?.excluded.map((e) => e.name)).toEqual(["C complet", "0 deux motifs", "A hors zone", "B hors zone"]);
    const [none] = rankStructures({ request: request(), structures, rules: DEFAULT_ROUTING_RULES, now: NOW, maxExcluded: 0 });
    expect(none).toMatchObject({ excluded: [], excludedCount: 4 });
  });
});

describe("unmet needs", () => {
  test("no structure in the directory", () => {
    expect(only(rank([]))).toEqual({
      need: "PAIN",
      candidates: [],
      excluded: [],
      excludedCount: 0,
      unmet: true,
      unmetReason: "aucune structure de l'annuaire ne correspond à la prise en charge de la douleur à domicile",
    });
  });

  test("every structure excluded, counted by whether they cover the commune", () => {
    const full = structure({ type: "PAIN_CLINIC", capacity: "FULL" });
    const outside = () => structure({ type: "EMSP", communeCodes: new Set() });
    const routing = only(rank([full, outside()]));
    expect(routing.unmet).toBe(true);
    expect(routing.unmetReason).toBe(
      "aucune structure ne peut être proposée à Bar-le-Duc pour la prise en charge de la douleur à domicile : 1 structure qui couvre la commune est écartée, 1 structure ne la couvre pas (voir les motifs)",
    );
    expect(only(rank([full, { ...full, id: "other" }, outside(), outside()])).unmetReason).toBe(
      "aucune structure ne peut être proposée à Bar-le-Duc pour la prise en charge de la douleur à domicile : 2 structures qui couvrent la commune sont écartées, 2 structures ne la couvrent pas (voir les motifs)",
    );
    expect(only(rank([outside()])).unmetReason).toBe(
      "aucune structure ne peut être proposée à Bar-le-Duc pour la prise en charge de la douleur à domicile : 1 structure ne la couvre pas (voir les motifs)",
    );
  });

  test("the rules name no one for this need here, even though a structure offers it", () => {
    const ssiad = structure({ type: "SSIAD", needs: ["HOME_CARE"], settings: ["HOSPITAL"] });
    const routing = only(rank([ssiad], { needs: ["HOME_CARE"], placeOfCare: "HOSPITAL" }));
    expect(routing.unmet).toBe(true);
    expect(routing.unmetReason).toBe("les règles du territoire ne prévoient aucun type de structure pour l'organisation des soins à l'hôpital");
    expect(routing.excluded[0]?.reasons).toEqual(["ce type de structure ne sert pas ce besoin selon les règles du territoire"]);
  });

  test("one need unmet does not hide the others, in the request's order, duplicates dropped", () => {
    const dietician = structure({ type: "DIETICIAN", needs: ["NUTRITION"] });
    const results = rank([dietician], { needs: ["SOCIAL", "NUTRITION", "SOCIAL"] });
    expect(results.map((r) => [r.need, r.unmet, names(r)])).toEqual([
      ["SOCIAL", true, []],
      ["NUTRITION", false, [dietician.name]],
    ]);
  });
});

describe("determinism", () => {
  const structures = [
    structure({ type: "EMSP", name: "Équipe territoriale", id: "b" }),
    structure({ type: "EMSP", name: "Équipe territoriale", id: "a" }),
    structure({ type: "EMSP", name: "EMSP 10" }),
    structure({ type: "EMSP", name: "EMSP 2" }),
    structure({ type: "EMSP", name: "Fondation" }),
    structure({ type: "EMSP", name: "Dispositif" }),
    structure({ type: "PAIN_CLINIC", capacity: "FULL", name: "X" }),
    structure({ type: "PAIN_CLINIC", active: false, name: "W" }),
  ];

  test("ties are broken by name in French order (numbers by value), then by id", () => {
    const routing = only(rank(structures));
    expect(routing.candidates.map((c) => `${c.name}#${c.structureId}`)).toEqual([
      "Dispositif#" + structures[5]?.id,
      "EMSP 2#" + structures[3]?.id,
      "EMSP 10#" + structures[2]?.id,
      "Équipe territoriale#a",
      "Équipe territoriale#b",
      "Fondation#" + structures[4]?.id,
    ]);
  });

  test("the same input in any order gives the same output", () => {
    const expected = rank(structures, { needs: ["PAIN", "PALLIATIVE_CARE"] });
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...structures].sort(() => random() - 0.5);
      expect(rank(shuffled, { needs: ["PAIN", "PALLIATIVE_CARE"] })).toEqual(expected);
    }
  });
});
