import { describe, expect, test } from "vitest";
import { DEMO_TERRITORIES, demoTerritoryCommuneCodes } from "./demo-territories";
import { readCommunes } from "./reference-data";
import { ZOpeningHours, ZServiceLevels } from "./schemas";

const communes = readCommunes();
const codesBySlug = new Map(DEMO_TERRITORIES.map((t) => [t.slug, demoTerritoryCommuneCodes(t, communes)]));
const codes = (slug: string): string[] => codesBySlug.get(slug) ?? [];

describe("demo territories", () => {
  test("have unique slugs and valid opening hours and service levels", () => {
    expect(new Set(DEMO_TERRITORIES.map((t) => t.slug)).size).toBe(DEMO_TERRITORIES.length);
    for (const t of DEMO_TERRITORIES) {
      expect(ZOpeningHours.safeParse(t.openingHours).success, t.slug).toBe(true);
      expect(ZServiceLevels.safeParse(t.serviceLevels).success, t.slug).toBe(true);
    }
  });

  test("are open at least 8:00-20:00 on weekdays, as the GPs asked", () => {
    for (const t of DEMO_TERRITORIES) {
      for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) {
        expect(t.openingHours[day], `${t.slug} ${day}`).toContainEqual(["08:00", "20:00"]);
      }
    }
  });

  test("answer a crisis within 48 h and triage it within 4 h", () => {
    for (const t of DEMO_TERRITORIES) {
      expect(t.serviceLevels.triageHoursCrisis).toBeLessThanOrEqual(4);
      expect(t.serviceLevels.firstContactHoursCrisis).toBeLessThanOrEqual(48);
    }
  });

  test("publish only phone numbers reserved for fiction and .example e-mails", () => {
    for (const t of DEMO_TERRITORIES) {
      expect(t.publicPhone).toMatch(/^(01 99 00|02 61 91|03 53 01|04 65 71|05 36 49) \d\d \d\d$/);
      expect(t.email).toMatch(/@[a-z.-]+\.example$/);
    }
  });

  test("split Meuse between Verdun (north) and Bar-le-Duc (south) with no gap and no overlap", () => {
    const north = codes("meuse-nord");
    const south = codes("meuse-sud");
    const meuse = communes.filter((c) => c.departmentCode === "55").map((c) => c.code);
    expect(north).toContain("55545"); // Verdun
    expect(south).toContain("55029"); // Bar-le-Duc
    expect(south).toContain("55122"); // Commercy
    expect(north.filter((code) => south.includes(code))).toEqual([]);
    expect([...north, ...south].sort()).toEqual([...meuse].sort());
  });

  test("cover whole départements elsewhere and never share a commune", () => {
    const count = (dep: string) => communes.filter((c) => c.departmentCode === dep).length;
    expect(codes("meurthe-et-moselle")).toHaveLength(count("54"));
    expect(codes("vosges")).toHaveLength(count("88"));
    expect(codes("bouches-du-rhone")).toHaveLength(count("13"));
    expect(codes("alpes-maritimes")).toHaveLength(count("06"));
    expect(codes("bouches-du-rhone")).toContain("13055"); // Marseille
    expect(codes("alpes-maritimes")).toContain("06088"); // Nice
    const all = [...codesBySlug.values()].flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
