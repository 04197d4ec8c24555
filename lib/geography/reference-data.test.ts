import { describe, expect, test } from "vitest";
import { normalizeSearchName, readCommunes, readDepartments, readRegions } from "./reference-data";

describe("normalizeSearchName", () => {
  test.each([
    ["Bar-le-Duc", "bar le duc"],
    ["L'Haÿ-les-Roses", "l hay les roses"],
    ["Saint-Étienne", "saint etienne"],
    ["Œuilly", "oeuilly"],
    ["Cœuvres-et-Valsery", "coeuvres et valsery"],
    ["Bors (Canton de Charente-Sud)", "bors canton de charente sud"],
    ["  Île--de   France ", "ile de france"],
    ["l’Isle-sur-la-Sorgue", "l isle sur la sorgue"],
    ["55000", "55000"],
  ])("turns %j into %j", (input, expected) => {
    expect(normalizeSearchName(input)).toBe(expected);
  });

  test("keeps what the user types and the stored name comparable by prefix", () => {
    expect(normalizeSearchName("Bar-le-Duc").startsWith(normalizeSearchName("BAR LE D"))).toBe(true);
    expect(normalizeSearchName("Bar-le-Duc").startsWith(normalizeSearchName("bar-le-"))).toBe(true);
  });
});

describe("reference data from @etalab/decoupage-administratif", () => {
  const regions = readRegions();
  const departments = readDepartments();
  const communes = readCommunes();
  const byCode = new Map(communes.map((c) => [c.code, c]));

  test("covers metropolitan France and the five overseas départements, not the COM", () => {
    expect(regions).toHaveLength(18);
    expect(departments).toHaveLength(101);
    expect(departments.map((d) => d.code)).toEqual(expect.arrayContaining(["2A", "2B", "971", "974", "976"]));
    expect(departments.map((d) => d.code)).not.toContain("987");
    expect(communes.length).toBeGreaterThan(34_500);
    expect(communes.length).toBeLessThan(35_300);
  });

  test("every row points to a loaded parent and commune codes are unique", () => {
    const regionCodes = new Set(regions.map((r) => r.code));
    const departmentCodes = new Set(departments.map((d) => d.code));
    expect(departments.filter((d) => !regionCodes.has(d.regionCode))).toEqual([]);
    expect(communes.filter((c) => !departmentCodes.has(c.departmentCode))).toEqual([]);
    expect(byCode.size).toBe(communes.length);
  });

  test("Bar-le-Duc is a commune of Meuse with its population and postal code", () => {
    const barLeDuc = byCode.get("55029");
    expect(barLeDuc).toMatchObject({
      name: "Bar-le-Duc",
      departmentCode: "55",
      regionCode: "44",
      arrondissementCode: "551",
      searchName: "bar le duc",
    });
    expect(barLeDuc?.postalCodes).toContain("55000");
    expect(barLeDuc?.population).toBeGreaterThan(10_000);
  });

  test("Paris, Lyon and Marseille are single communes carrying their arrondissements' postal codes", () => {
    expect(byCode.get("75056")).toMatchObject({ name: "Paris", departmentCode: "75" });
    expect(byCode.get("69123")).toMatchObject({ name: "Lyon", departmentCode: "69" });
    expect(byCode.get("13055")).toMatchObject({ name: "Marseille", departmentCode: "13" });
    expect(byCode.get("75056")?.postalCodes).toEqual(expect.arrayContaining(["75001", "75020", "75116"]));
    expect(byCode.has("75101")).toBe(false); // Paris 1er arrondissement: not a commune
  });

  test("population is a non-negative integer and every commune has a search name", () => {
    expect(communes.filter((c) => !Number.isInteger(c.population) || c.population < 0)).toEqual([]);
    expect(communes.filter((c) => c.searchName === "")).toEqual([]);
  });
});
