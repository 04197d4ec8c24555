import { describe, expect, test } from "vitest";
import { Need, PlaceOfCare, type StructureType } from "@/lib/generated/prisma/enums";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";

// The domain's sayings (domain.md, issue 4), written out independently of the table.
const FIRST_CHOICES: [Need, PlaceOfCare, StructureType[]][] = [
  ["PALLIATIVE_CARE", "HOME", ["EMSP", "PALLIATIVE_NETWORK", "HAD"]],
  ["PALLIATIVE_CARE", "NURSING_HOME", ["EMSP"]],
  ["PALLIATIVE_CARE", "HOSPITAL", ["EMSP", "LISP", "USP"]],
  ["HOME_CARE", "HOME", ["SSIAD", "HAD"]],
  ["HOME_CARE", "NURSING_HOME", ["HAD"]],
  ["PSYCHOLOGICAL_PATIENT", "HOME", ["PSYCHOLOGIST", "EMSP"]],
  ["PAIN", "HOME", ["PAIN_CLINIC", "EMSP"]],
  ["NUTRITION", "HOME", ["DIETICIAN"]],
  ["SOCIAL", "HOME", ["SOCIAL_WORKER", "HEALTH_NETWORK"]],
  ["CARER_RESPITE", "HOME", ["USP"]],
  ["ETHICAL_REFLECTION", "HOME", ["EMSP", "PALLIATIVE_NETWORK"]],
  ["PHYSICAL_ACTIVITY", "HOME", ["PHYSIOTHERAPIST"]],
];

describe("default routing rules", () => {
  for (const [need, setting, first] of FIRST_CHOICES) {
    test(`${need} in ${setting} starts with ${first.join(", ")}`, () => {
      expect(DEFAULT_ROUTING_RULES[need][setting].slice(0, first.length)).toEqual(first);
    });
  }

  test("every need has a list for every place of care", () => {
    for (const need of Object.values(Need)) {
      expect(Object.keys(DEFAULT_ROUTING_RULES[need]).sort()).toEqual(Object.values(PlaceOfCare).sort());
    }
  });

  test("an SSIAD is never proposed outside the home (it may not work in an EHPAD or a ward)", () => {
    for (const need of Object.values(Need)) {
      for (const setting of ["NURSING_HOME", "HOSPITAL"] as const) expect(DEFAULT_ROUTING_RULES[need][setting]).not.toContain("SSIAD");
    }
  });

  test("the paediatric team is last wherever listed, so adults' ranks read 1st, 2nd...", () => {
    for (const need of Object.values(Need)) {
      for (const setting of Object.values(PlaceOfCare)) {
        const list = DEFAULT_ROUTING_RULES[need][setting];
        if (list.includes("ERRSPP")) expect(list.at(-1)).toBe("ERRSPP");
      }
    }
    expect(DEFAULT_ROUTING_RULES.PALLIATIVE_CARE.HOME).toContain("ERRSPP");
  });

  test("the only empty list is home-care organisation in a ward (the ward nurses)", () => {
    const empty = Object.values(Need).flatMap((need) =>
      Object.values(PlaceOfCare)
        .filter((s) => DEFAULT_ROUTING_RULES[need][s].length === 0)
        .map((s) => `${need}/${s}`),
    );
    expect(empty).toEqual(["HOME_CARE/HOSPITAL"]);
  });

  test("the shared table cannot be edited in place", () => {
    expect(() => (DEFAULT_ROUTING_RULES.PAIN.HOME as StructureType[]).push("OTHER")).toThrow(TypeError);
    expect(DEFAULT_ROUTING_RULES.PAIN.HOME).not.toContain("OTHER");
  });
});
