import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { loadDemoTerritories } from "@/lib/geography/demo-territories";
import { loadReferenceGeography } from "@/lib/geography/load-reference";
import { findTerritoryForCommune, searchCommunes } from "@/lib/geography/queries";
import { truncateAll } from "./helpers/db";

const prisma = createPrismaClient(process.env.DATABASE_URL!);

const tableCounts = async () => ({
  regions: await prisma.region.count(),
  departments: await prisma.department.count(),
  communes: await prisma.commune.count(),
});

beforeAll(async () => {
  // Reference tables survive truncateAll(): load them once for the file (a no-op if an earlier
  // file already did).
  await loadReferenceGeography({ prisma });
}, 120_000);

// Territories and their communes are emptied before each test.
beforeEach(async () => {
  await truncateAll(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("loadReferenceGeography", () => {
  test("loads the whole country and a second run changes nothing", async () => {
    const before = await tableCounts();
    expect(before).toEqual({ regions: 18, departments: 101, communes: expect.any(Number) });
    expect(before.communes).toBeGreaterThan(34_500);

    const again = await loadReferenceGeography({ prisma });

    expect(await tableCounts()).toEqual(before);
    expect(again.communes).toMatchObject({ total: before.communes, inserted: 0, updated: 0, stale: 0 });
    expect(again.departments).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.regions).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.epcis).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.epcis.total).toBeGreaterThan(1_200);
  });

  test("puts each commune in its intercommunalité (EPCI), as the territory editor picks them", async () => {
    const barLeDuc = await prisma.commune.findUniqueOrThrow({ where: { code: "55029" }, select: { epci: { select: { code: true, name: true } } } });
    expect(barLeDuc.epci).toEqual({ code: "200033025", name: "CA de Bar-le-Duc - Sud Meuse" });
    const members = await prisma.commune.count({ where: { epciCode: "200033025" } });
    expect(members).toBe(33);
  });

  test("rewrites a commune whose name or population drifted from the reference", async () => {
    await prisma.commune.update({ where: { code: "55029" }, data: { name: "Bar", population: 1, searchName: "bar" } });

    const result = await loadReferenceGeography({ prisma });

    expect(result.communes).toMatchObject({ inserted: 0, updated: 1 });
    expect(
      await prisma.commune.findUnique({
        where: { code: "55029" },
        select: { name: true, population: true, postalCodes: true, searchName: true },
      }),
    ).toEqual({ name: "Bar-le-Duc", population: expect.any(Number), postalCodes: ["55000"], searchName: "bar le duc" });
    expect((await prisma.commune.findUniqueOrThrow({ where: { code: "55029" } })).population).toBeGreaterThan(10_000);
  });
});

describe("loadDemoTerritories", () => {
  test("is idempotent: a second run adds and removes nothing", async () => {
    const first = await loadDemoTerritories({ prisma });
    const second = await loadDemoTerritories({ prisma });

    expect(second.map((t) => t.id)).toEqual(first.map((t) => t.id));
    expect(second.every((t) => t.added === 0 && t.removed === 0)).toBe(true);
    expect(await prisma.territory.count({ where: { isDemo: true } })).toBe(6);
    expect(await prisma.territoryCommune.count()).toBe(first.reduce((n, t) => n + t.communes, 0));
  });

  test("puts Bar-le-Duc in Meuse Sud, Verdun in Meuse Nord and no commune in two territories", async () => {
    await loadDemoTerritories({ prisma });

    expect(await findTerritoryForCommune({ prisma, communeCode: "55029" })).toMatchObject({ slug: "meuse-sud" });
    expect(await findTerritoryForCommune({ prisma, communeCode: "55545" })).toMatchObject({ slug: "meuse-nord" });
    const shared = await prisma.territoryCommune.groupBy({
      by: ["communeCode"],
      _count: { territoryId: true },
      having: { territoryId: { _count: { gt: 1 } } },
    });
    expect(shared).toEqual([]);
  });

  test("restores a territory's exact set of communes", async () => {
    const [meuseSud, vosges] = await loadDemoTerritories({ prisma }).then((all) => ["meuse-sud", "vosges"].map((slug) => all.find((t) => t.slug === slug)));
    if (!meuseSud || !vosges) throw new Error("demo territories missing");
    await prisma.territoryCommune.delete({
      where: { territoryId_communeCode: { territoryId: meuseSud.id, communeCode: "55029" } },
    });
    await prisma.territoryCommune.create({ data: { territoryId: vosges.id, communeCode: "75056" } });

    const reloaded = await loadDemoTerritories({ prisma });

    expect(reloaded.find((t) => t.slug === "meuse-sud")).toMatchObject({ added: 1, removed: 0 });
    expect(reloaded.find((t) => t.slug === "vosges")).toMatchObject({ added: 0, removed: 1 });
    expect(await findTerritoryForCommune({ prisma, communeCode: "55029" })).toMatchObject({ slug: "meuse-sud" });
    expect(await findTerritoryForCommune({ prisma, communeCode: "75056" })).toBeNull();
  });
});

describe("searchCommunes", () => {
  beforeEach(async () => {
    await loadDemoTerritories({ prisma });
  });

  test("finds Bar-le-Duc first from a partial name typed without hyphens", async () => {
    const results = await searchCommunes({ prisma, query: "bar le d" });
    expect(results[0]).toMatchObject({ code: "55029", name: "Bar-le-Duc", departmentCode: "55" });
    expect(results[0]?.territory?.name).toBe("Meuse Sud (Bar-le-Duc)");
  });

  test("finds Bar-le-Duc by its postal code and by its INSEE code", async () => {
    const byPostalCode = await searchCommunes({ prisma, query: "55000" });
    expect(byPostalCode[0]).toMatchObject({ code: "55029", postalCodes: ["55000"] });
    expect(byPostalCode.every((c) => c.postalCodes.includes("55000"))).toBe(true);

    expect((await searchCommunes({ prisma, query: "55029" }))[0]?.code).toBe("55029");
  });

  test("puts the largest Verdun first, with its territory, and its namesakes without one", async () => {
    const results = await searchCommunes({ prisma, query: "Verdun" });
    expect(results[0]).toMatchObject({ code: "55545", name: "Verdun", territory: { name: "Meuse Nord (Verdun)" } });
    const ariege = results.find((c) => c.code === "09328");
    expect(ariege).toBeDefined();
    expect(ariege?.territory).toBeUndefined();
  });

  test("ignores case, accents and apostrophes", async () => {
    expect((await searchCommunes({ prisma, query: "L'HAY LES" }))[0]?.code).toBe("94038");
    expect((await searchCommunes({ prisma, query: "saint-etienne" }))[0]?.code).toBe("42218");
  });

  test("respects the limit and returns nothing for an empty query", async () => {
    expect(await searchCommunes({ prisma, query: "sa", limit: 3 })).toHaveLength(3);
    expect(await searchCommunes({ prisma, query: "  -' " })).toEqual([]);
  });

  test("leaves a commune outside every demo territory without one", async () => {
    const [paris] = await searchCommunes({ prisma, query: "paris" });
    expect(paris).toMatchObject({ code: "75056" });
    expect(paris?.territory).toBeUndefined();
    expect(await findTerritoryForCommune({ prisma, communeCode: "75056" })).toBeNull();
  });
});
