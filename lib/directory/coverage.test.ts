import { describe, expect, test } from "vitest";
import { communesToName, coverageMatch, coversCommune, summarizeCoverage, type Coverage } from "@/lib/directory/coverage";

const NONE: Coverage = { coverageCommuneCodes: [], coverageDepartmentCodes: [], coverageTerritoryIds: [] };
const BAR_LE_DUC = { code: "55029", departmentCode: "55", territoryIds: ["t-meuse-sud"] };

describe("coverage of a commune", () => {
  test.each([
    ["a listed commune", { ...NONE, coverageCommuneCodes: ["55029", "55545"] }, "commune"],
    ["its whole département", { ...NONE, coverageDepartmentCodes: ["55"] }, "department"],
    ["a territory it belongs to", { ...NONE, coverageTerritoryIds: ["t-meuse-sud"] }, "territory"],
    ["the most precise reason first", { coverageCommuneCodes: ["55029"], coverageDepartmentCodes: ["55"], coverageTerritoryIds: ["t-meuse-sud"] }, "commune"],
  ] as const)("covered through %s", (_label, coverage, match) => {
    expect(coverageMatch(coverage, BAR_LE_DUC)).toBe(match);
    expect(coversCommune(coverage, BAR_LE_DUC)).toBe(true);
  });

  test.each([
    ["another commune", { ...NONE, coverageCommuneCodes: ["55545"] }],
    ["another département", { ...NONE, coverageDepartmentCodes: ["54"] }],
    ["another territory", { ...NONE, coverageTerritoryIds: ["t-meuse-nord"] }],
    ["nothing at all", NONE],
  ] as const)("not covered by %s", (_label, coverage) => {
    expect(coverageMatch(coverage, BAR_LE_DUC)).toBeNull();
    expect(coversCommune(coverage, BAR_LE_DUC)).toBe(false);
  });
});

describe("coverage summary", () => {
  const names = {
    communes: new Map([
      ["55029", "Bar-le-Duc"],
      ["55186", "Fains-Véel"],
      ["55291", "Ligny-en-Barrois"],
      ["55302", "Longeville-en-Barrois"],
      ["55477", "Savonnières-devant-Bar"],
    ]),
    departments: new Map([
      ["55", "Meuse"],
      ["54", "Meurthe-et-Moselle"],
    ]),
    territories: new Map([["t-meuse-sud", "Meuse Sud (Bar-le-Duc)"]]),
  };

  test("says départements, territories, then up to four communes by name", () => {
    expect(summarizeCoverage({ ...NONE, coverageDepartmentCodes: ["54", "55"] }, names)).toBe("Départements Meurthe-et-Moselle (54), Meuse (55)");
    expect(summarizeCoverage({ ...NONE, coverageDepartmentCodes: ["55"], coverageTerritoryIds: ["t-meuse-sud"] }, names)).toBe(
      "Département Meuse (55) · Territoire Meuse Sud (Bar-le-Duc)",
    );
    expect(summarizeCoverage({ ...NONE, coverageCommuneCodes: ["55029", "55186", "55291", "55302"] }, names)).toBe(
      "Bar-le-Duc, Fains-Véel, Ligny-en-Barrois, Longeville-en-Barrois",
    );
    expect(summarizeCoverage(NONE, names)).toBe("Zone non renseignée");
  });

  test("beyond four communes, names three and counts the rest (only three names to look up)", () => {
    const coverage = { ...NONE, coverageCommuneCodes: ["55029", "55186", "55291", "55302", "55477"] };
    expect(communesToName(coverage)).toEqual(["55029", "55186", "55291"]);
    expect(summarizeCoverage(coverage, names)).toBe("Bar-le-Duc, Fains-Véel, Ligny-en-Barrois et 2 autres communes");
  });
});
