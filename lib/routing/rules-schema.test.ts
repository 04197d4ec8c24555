import { describe, expect, test } from "vitest";
import type { StructureType } from "@/lib/generated/prisma/enums";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { diffRules, structureTypeListSchema, ZRoutingRules, type TRoutingRules } from "@/lib/routing/rules-schema";

const copyDefaults = (): TRoutingRules => structuredClone(DEFAULT_ROUTING_RULES) as TRoutingRules;

function issuesOf(input: unknown): [string, string][] {
  const result = ZRoutingRules.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("routing rules validation", () => {
  test("the default rules are valid", () => {
    expect(issuesOf(DEFAULT_ROUTING_RULES)).toEqual([]);
  });

  test("an empty list is allowed: it means no one serves that need there", () => {
    const rules = copyDefaults();
    rules.PAIN.HOME = [];
    expect(ZRoutingRules.parse(rules).PAIN.HOME).toEqual([]);
  });

  const cases: { name: string; edit: (rules: Record<string, Record<string, unknown>>) => void; expected: [string, string][] }[] = [
    {
      name: "an unknown structure type, named",
      edit: (r) => void (r.PAIN!.HOME = ["EMSP", "HOSPICE"]),
      expected: [["PAIN.HOME.1", "Type de structure inconnu : « HOSPICE »."]],
    },
    {
      name: "a type that is not text",
      edit: (r) => void (r.PAIN!.HOME = [42]),
      expected: [["PAIN.HOME.0", "Type de structure inconnu : une valeur qui n'est pas un texte."]],
    },
    {
      name: "a type listed twice in one list, on the second occurrence",
      edit: (r) => void (r.NUTRITION!.HOME = ["DIETICIAN", "HAD", "DIETICIAN"]),
      expected: [["NUTRITION.HOME.2", "Nutrition — Domicile : « Diététicien·ne » figure deux fois."]],
    },
    {
      name: "an unknown type and a duplicate in the same list, both at once",
      edit: (r) => void (r.PAIN!.HOSPITAL = ["EMSP", "X", "EMSP"]),
      expected: [
        ["PAIN.HOSPITAL.1", "Type de structure inconnu : « X »."],
        ["PAIN.HOSPITAL.2", "Douleur — Hôpital : « Équipe mobile / territoriale de soins palliatifs (EMSP) » figure deux fois."],
      ],
    },
    {
      name: "a list that is not a list",
      edit: (r) => void (r.SOCIAL!.HOSPITAL = "SOCIAL_WORKER"),
      expected: [
        ["SOCIAL.HOSPITAL", "Situation sociale (droits, aides, isolement) — Hôpital : une liste de types de structure est attendue (liste vide si aucun)."],
      ],
    },
    {
      name: "a missing place of care",
      edit: (r) => void delete r.SOCIAL!.NURSING_HOME,
      expected: [
        [
          "SOCIAL.NURSING_HOME",
          "Situation sociale (droits, aides, isolement) — EHPAD / établissement médico-social : une liste de types de structure est attendue (liste vide si aucun).",
        ],
      ],
    },
    {
      name: "an unknown place of care",
      edit: (r) => void (r.SOCIAL!.GARAGE = []),
      expected: [["SOCIAL", "Situation sociale (droits, aides, isolement) — lieu de soins inconnu : « GARAGE »."]],
    },
    {
      name: "a missing need",
      edit: (r) => void delete r.CARER_RESPITE,
      expected: [["CARER_RESPITE", "Règles manquantes pour « Répit de l'aidant » (une liste par lieu de soins)."]],
    },
    {
      name: "unknown needs",
      edit: (r) => {
        r.AFTER_CANCER = {};
        r.SPIRITUAL = {};
      },
      expected: [["", "Besoins inconnus : « AFTER_CANCER », « SPIRITUAL »."]],
    },
  ];

  for (const { name, edit, expected } of cases) {
    test(`refuses ${name}, in French, on the field`, () => {
      const rules = copyDefaults() as unknown as Record<string, Record<string, unknown>>;
      edit(rules);
      expect(issuesOf(rules)).toEqual(expected);
    });
  }

  test("refuses something that is not a table", () => {
    expect(issuesOf(null)).toEqual([["", "Règles de routage invalides : un tableau besoin × lieu de soins est attendu."]]);
  });

  test("one list can be validated alone (the editor saves a cell at a time)", () => {
    const schema = structureTypeListSchema("PAIN", "HOME");
    expect(schema.parse(["PAIN_CLINIC", "EMSP"])).toEqual(["PAIN_CLINIC", "EMSP"]);
    expect(schema.safeParse(["EMSP", "EMSP"]).error?.issues[0]?.message).toBe(
      "Douleur — Domicile : « Équipe mobile / territoriale de soins palliatifs (EMSP) » figure deux fois.",
    );
  });
});

describe("diffRules", () => {
  function edited(need: "PAIN" | "NUTRITION", setting: "HOME" | "HOSPITAL", types: StructureType[]): TRoutingRules {
    const rules = copyDefaults();
    rules[need][setting] = types;
    return rules;
  }

  test("no change, no entry", () => {
    expect(diffRules(DEFAULT_ROUTING_RULES, copyDefaults())).toEqual([]);
  });

  const cases: { name: string; after: TRoutingRules; description: string }[] = [
    {
      name: "an added type, with its rank",
      after: edited("NUTRITION", "HOME", ["DIETICIAN", "SOCIAL_WORKER", "HEALTH_NETWORK", "HAD"]),
      description: "Nutrition — Domicile : ajout de « Assistant·e social·e » (2e choix)",
    },
    {
      name: "a removed type",
      after: edited("NUTRITION", "HOME", ["DIETICIAN", "HAD"]),
      description: "Nutrition — Domicile : retrait de « Réseau de santé »",
    },
    {
      name: "the same types in another order",
      after: edited("NUTRITION", "HOME", ["HEALTH_NETWORK", "DIETICIAN", "HAD"]),
      description: "Nutrition — Domicile : nouvel ordre : 1. Réseau de santé, 2. Diététicien·ne, 3. Hospitalisation à domicile (HAD)",
    },
    {
      name: "an addition at the end does not count as a new order",
      after: edited("PAIN", "HOSPITAL", ["PAIN_CLINIC", "EMSP", "ERRSPP", "USP"]),
      description: "Douleur — Hôpital : ajout de « Unité de soins palliatifs (USP) » (4e choix)",
    },
    {
      name: "an emptied list, flagged as an unmet need to come",
      after: edited("NUTRITION", "HOSPITAL", []),
      description: "Nutrition — Hôpital : retrait de « Diététicien·ne » ; plus aucun type de structure : le besoin sera signalé comme non couvert",
    },
  ];

  for (const { name, after, description } of cases) {
    test(`describes ${name}`, () => {
      const changes = diffRules(DEFAULT_ROUTING_RULES, after);
      expect(changes.map((c) => c.description)).toEqual([description]);
    });
  }

  test("gives the codes before and after, one entry per changed cell, needs then places in order", () => {
    const after = copyDefaults();
    after.SOCIAL.HOSPITAL = ["EMSP"];
    after.PAIN.OTHER = ["EMSP"];
    after.PAIN.HOME = ["EMSP", "PAIN_CLINIC"];
    const changes = diffRules(DEFAULT_ROUTING_RULES, after);
    expect(changes.map((c) => [c.need, c.setting, c.before, c.after])).toEqual([
      ["PAIN", "HOME", ["PAIN_CLINIC", "EMSP", "PALLIATIVE_NETWORK", "HAD", "ERRSPP"], ["EMSP", "PAIN_CLINIC"]],
      ["PAIN", "OTHER", ["PAIN_CLINIC", "EMSP", "PALLIATIVE_NETWORK", "HAD", "ERRSPP"], ["EMSP"]],
      ["SOCIAL", "HOSPITAL", ["SOCIAL_WORKER", "EMSP"], ["EMSP"]],
    ]);
    expect(changes[0]?.description).toBe(
      "Douleur — Domicile : retrait de « Réseau de soins palliatifs » ; retrait de « Hospitalisation à domicile (HAD) » ; retrait de « Équipe ressource régionale de soins palliatifs pédiatriques (ERRSPP) » ; nouvel ordre : 1. Équipe mobile / territoriale de soins palliatifs (EMSP), 2. Consultation douleur",
    );
  });
});
