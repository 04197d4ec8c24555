import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { listActorTerritories, listAllTerritories } from "@/lib/territories/queries";
import { listUsers } from "@/lib/users/queries";
import { checkDatabase } from "@/lib/health";
import type { Actor } from "@/lib/authz/actor";
import type { Role } from "@/lib/authz/permissions";
import { loadTerritories } from "@/tests/factories/geography";
import { upsertUser } from "@/tests/factories/users";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let territories: Record<string, string>;

const actor = (role: Role, territoryIds: string[] = []): Actor => ({
  id: "x",
  email: "x@x.fr",
  name: "X",
  role,
  territoryIds,
  departmentCodes: [],
  structureIds: [],
});

beforeAll(async () => {
  await truncateAll(db);
  territories = await loadTerritories(db);
}, 120_000);
afterAll(() => db.$disconnect());

describe("territory queries", () => {
  test("a coordinator sees only the territories they belong to", async () => {
    const list = await listActorTerritories(actor("COORDINATOR", [territories["meuse-sud"]!]));
    expect(list.map((t) => t.slug)).toEqual(["meuse-sud"]);
  });

  test("GPs and team members see no territory through the scoped query; admins see all six", async () => {
    expect(await listActorTerritories(actor("GP", [territories["meuse-sud"]!]))).toEqual([]);
    expect(await listActorTerritories(actor("TEAM_MEMBER"))).toEqual([]);
    expect((await listActorTerritories(actor("ADMIN"))).map((t) => t.slug).sort()).toEqual([
      "alpes-maritimes",
      "bouches-du-rhone",
      "meurthe-et-moselle",
      "meuse-nord",
      "meuse-sud",
      "vosges",
    ]);
  });

  test("a territory's size is its communes and their real populations", async () => {
    const meuseSud = (await listAllTerritories()).find((t) => t.slug === "meuse-sud")!;
    const [expected] = await db.$queryRaw<{ n: bigint; population: bigint }[]>`
      SELECT count(*) AS n, sum(c.population) AS population FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code
      WHERE tc.territory_id = ${meuseSud.id}`;
    expect(meuseSud.communeCount).toBe(Number(expected!.n));
    expect(meuseSud.population).toBe(Number(expected!.population));
    // Bar-le-Duc alone has more than 14,000 inhabitants; the whole Meuse fewer than 200,000.
    expect(meuseSud.population).toBeGreaterThan(14_000);
    expect(meuseSud.population).toBeLessThan(200_000);
    expect(meuseSud.publicPhone).toMatch(/^0\d( \d\d){4}$/);
    expect(meuseSud.openingHours.mon?.length).toBeGreaterThan(0);
  });
});

describe("user administration", () => {
  test("administrators list every account (a coordinator only her teams' members), and the list never carries password hashes", async () => {
    await upsertUser(db, { email: "idec@test.fr", name: "IDEC", role: "COORDINATOR", password: "x-Secret-1", territoryIds: [territories["vosges"]!] });
    await expect(listUsers({ actor: actor("GP") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listUsers({ actor: actor("COORDINATOR") })).toEqual([]);
    const users = await listUsers({ actor: actor("ADMIN") });
    expect(users).toEqual([expect.objectContaining({ email: "idec@test.fr", role: "COORDINATOR", territories: ["Vosges"], locked: false })]);
    expect(JSON.stringify(users)).not.toMatch(/argon2|hash/);
  });
});

test("the health check answers ok against a live database, unreachable against a dead one", async () => {
  expect(await checkDatabase()).toBe("ok");
  const dead = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing");
  expect(await checkDatabase({ db: dead, timeoutMs: 3000 })).toBe("unreachable");
  await dead.$disconnect();
});
