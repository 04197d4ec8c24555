import { describe, expect, test } from "vitest";
import type { NeedRouting, RoutingCandidate } from "@/lib/routing/types";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { ZRoutingRules } from "@/lib/routing/rules-schema";
import { rulesFromStored } from "@/lib/routing/stored-rules";
import { checkOrientation, suggestionRankOf, TOP_SUGGESTIONS } from "@/lib/routing/suggestion-rank";
import { addableTypes, addType, cloneRules, moveType, removeType } from "@/lib/routing/rules-draft";
import { patientAgeAt } from "@/lib/routing/patient-age";
import { toPhrase, toPlace } from "@/lib/routing/phrases";
import { rankStructures } from "@/lib/routing/rank-structures";

const candidate = (structureId: string): RoutingCandidate => ({ structureId, name: structureId, type: "EMSP", score: 0, reasons: [] });

function routing(need: NeedRouting["need"], ids: string[]): NeedRouting {
  return { need, candidates: ids.map(candidate), excluded: [], excludedCount: 0, unmet: ids.length === 0, unmetReason: ids.length ? null : "aucune" };
}

describe("suggestion rank", () => {
  const pain = routing("PAIN", ["a", "b", "c", "d"]);
  const palliative = routing("PALLIATIVE_CARE", ["d", "e"]);

  test("is the best 1-based position among the candidates of any need, null outside them", () => {
    expect(suggestionRankOf([pain, palliative], "a")).toBe(1);
    expect(suggestionRankOf([pain, palliative], "d")).toBe(1); // 4th for pain, 1st for palliative care
    expect(suggestionRankOf([pain, palliative], "e")).toBe(2);
    expect(suggestionRankOf([pain, palliative], "zzz")).toBeNull();
  });

  test("a structure beyond the top suggestions of every need, or not a candidate, needs a reason", () => {
    expect(TOP_SUGGESTIONS).toBe(3);
    expect(checkOrientation([pain], ["a", "c"])).toMatchObject({ overrides: [], reasonRequired: false });
    const check = checkOrientation([pain], ["a", "d", "x"]);
    expect(check.overrides).toEqual(["d", "x"]);
    expect(check.reasonRequired).toBe(true);
    expect([...check.ranks]).toEqual([
      ["a", 1],
      ["d", 4],
      ["x", null],
    ]);
    // 4th for pain but 1st for palliative care: followed a suggestion.
    expect(checkOrientation([pain, palliative], ["d"]).reasonRequired).toBe(false);
  });

  test("when no need has any candidate there is nothing to override: no reason required", () => {
    const check = checkOrientation([routing("PAIN", []), routing("SOCIAL", [])], ["x"]);
    expect(check).toMatchObject({ overrides: ["x"], reasonRequired: false });
    expect(check.ranks.get("x")).toBeNull();
  });

  test("one need met and one unmet: leaving the suggestions still needs a reason", () => {
    expect(checkOrientation([pain, routing("SOCIAL", [])], ["x"]).reasonRequired).toBe(true);
  });
});

describe("stored rules", () => {
  test("no row reads as the domain defaults; a complete valid table is read as is", () => {
    expect(rulesFromStored(null)).toEqual({ rules: DEFAULT_ROUTING_RULES, repaired: false });
    const custom = cloneRules(DEFAULT_ROUTING_RULES);
    custom.PAIN.HOME = ["HAD", "EMSP"];
    expect(rulesFromStored(JSON.parse(JSON.stringify(custom)))).toEqual({ rules: custom, repaired: false });
  });

  test("a cell missing since the vocabulary grew takes the default; an unknown or repeated type is dropped; the result is valid", () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_ROUTING_RULES)) as Record<string, Record<string, string[]>>;
    delete stored.NUTRITION;
    delete (stored.PAIN as Record<string, string[]>).OTHER;
    (stored.SOCIAL as Record<string, string[]>).HOME = ["SOCIAL_WORKER", "OLD_TYPE", "SOCIAL_WORKER"];
    const { rules, repaired } = rulesFromStored(stored);
    expect(repaired).toBe(true);
    expect(rules.NUTRITION).toEqual(DEFAULT_ROUTING_RULES.NUTRITION);
    expect(rules.PAIN.OTHER).toEqual(DEFAULT_ROUTING_RULES.PAIN.OTHER);
    expect(rules.SOCIAL.HOME).toEqual(["SOCIAL_WORKER"]);
    expect(ZRoutingRules.safeParse(rules).success).toBe(true);
    expect(rulesFromStored("garbage")).toEqual({ rules: cloneRules(DEFAULT_ROUTING_RULES), repaired: true });
  });
});

describe("rules draft edits", () => {
  const base = cloneRules(DEFAULT_ROUTING_RULES);
  base.PAIN.HOME = ["PAIN_CLINIC", "EMSP", "HAD"];

  test("moving up and down swaps neighbours; at an end nothing changes; the input is never mutated", () => {
    expect(moveType(base, "PAIN", "HOME", 1, -1).PAIN.HOME).toEqual(["EMSP", "PAIN_CLINIC", "HAD"]);
    expect(moveType(base, "PAIN", "HOME", 1, 1).PAIN.HOME).toEqual(["PAIN_CLINIC", "HAD", "EMSP"]);
    expect(moveType(base, "PAIN", "HOME", 0, -1).PAIN.HOME).toEqual(["PAIN_CLINIC", "EMSP", "HAD"]);
    expect(moveType(base, "PAIN", "HOME", 2, 1).PAIN.HOME).toEqual(["PAIN_CLINIC", "EMSP", "HAD"]);
    expect(base.PAIN.HOME).toEqual(["PAIN_CLINIC", "EMSP", "HAD"]);
    // Other cells untouched.
    expect(moveType(base, "PAIN", "HOME", 1, -1).PAIN.HOSPITAL).toEqual(DEFAULT_ROUTING_RULES.PAIN.HOSPITAL);
  });

  test("removing and adding: added last, never twice, and the addable list excludes what is listed", () => {
    expect(removeType(base, "PAIN", "HOME", 0).PAIN.HOME).toEqual(["EMSP", "HAD"]);
    expect(addType(base, "PAIN", "HOME", "PSYCHOLOGIST").PAIN.HOME).toEqual(["PAIN_CLINIC", "EMSP", "HAD", "PSYCHOLOGIST"]);
    expect(addType(base, "PAIN", "HOME", "EMSP").PAIN.HOME).toEqual(["PAIN_CLINIC", "EMSP", "HAD"]);
    const addable = addableTypes(base, "PAIN", "HOME");
    expect(addable).not.toContain("EMSP");
    expect(addable).toContain("PSYCHOLOGIST");
    expect(addable).toHaveLength(17 - 3);
  });
});

describe("patient age", () => {
  test("counts full years on the French calendar day; unknown birth date = null", () => {
    const birth = new Date("1946-05-12T00:00:00Z");
    expect(patientAgeAt(birth, new Date("2026-05-11T12:00:00Z"))).toBe(79);
    expect(patientAgeAt(birth, new Date("2026-05-12T12:00:00Z"))).toBe(80);
    // 11/05 at 22:30 UTC is already the 12th in Paris (summer time).
    expect(patientAgeAt(birth, new Date("2026-05-11T22:30:00Z"))).toBe(80);
    expect(patientAgeAt(new Date("2010-01-01T00:00:00Z"), new Date("2026-11-23T10:00:00Z"))).toBe(16);
    expect(patientAgeAt(null, new Date())).toBeNull();
  });
});

describe("French contractions", () => {
  test("« à » before a need's phrase contracts with le / les, never « à le »", () => {
    expect(toPhrase("le soutien psychologique des proches")).toBe("au soutien psychologique des proches");
    expect(toPhrase("les soins palliatifs")).toBe("aux soins palliatifs");
    expect(toPhrase("la prise en charge de la douleur")).toBe("à la prise en charge de la douleur");
    expect(toPhrase("l'accompagnement social")).toBe("à l'accompagnement social");
    expect([toPlace("Bar-le-Duc"), toPlace("Le Mans"), toPlace("Les Mées"), toPlace("La Ciotat")]).toEqual([
      "à Bar-le-Duc",
      "au Mans",
      "aux Mées",
      "à La Ciotat",
    ]);
    const [family, palliative] = rankStructures({
      request: {
        needs: ["PSYCHOLOGICAL_FAMILY", "PALLIATIVE_CARE"],
        urgency: "PLANNED",
        placeOfCare: "HOME",
        communeCode: "55545",
        communeName: "Verdun",
        patientAge: 80,
      },
      structures: [],
      rules: DEFAULT_ROUTING_RULES,
      now: new Date("2026-11-23T10:00:00Z"),
    });
    expect(family?.unmetReason).toBe("aucune structure de l'annuaire ne correspond au soutien psychologique des proches à domicile");
    expect(palliative?.unmetReason).toBe("aucune structure de l'annuaire ne correspond aux soins palliatifs à domicile");
  });
});
