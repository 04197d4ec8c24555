import { describe, expect, test } from "vitest";
import { isValidRpps } from "@/lib/auth/rpps";
import { ZCreateUser } from "@/lib/users/schemas";

describe("account schemas", () => {
  test("an RPPS number is 11 digits with a Luhn key", () => {
    expect(isValidRpps("10000000009")).toBe(true);
    expect(isValidRpps("10000000008")).toBe(false);
    expect(isValidRpps("1000000000")).toBe(false);
  });

  test("a wrong RPPS key is refused at the field, in French", () => {
    const result = ZCreateUser.safeParse({ name: "Dr Paul Noir", email: "p.noir@exemple.fr", role: "GP", rpps: "100 000 000 08" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["rpps"], message: expect.stringContaining("clé de contrôle") });
  });

  test("a coordinator needs a territory, a team member a structure; what the role does not use is dropped", () => {
    const coordinator = ZCreateUser.safeParse({ name: "Anne Idec", email: "anne@exemple.fr", role: "COORDINATOR" });
    expect(coordinator.error?.issues[0]).toMatchObject({ path: ["territoryIds"] });
    const team = ZCreateUser.safeParse({ name: "Léa Emsp", email: "lea@exemple.fr", role: "TEAM_MEMBER", territoryIds: ["t1"] });
    expect(team.error?.issues[0]).toMatchObject({ path: ["structureIds"] });
    const gp = ZCreateUser.parse({
      name: "Dr Noir",
      email: " P.Noir@Exemple.fr ",
      role: "GP",
      rpps: "10000000009",
      territoryIds: ["t1"],
      structureIds: ["s1"],
    });
    expect(gp).toMatchObject({ email: "p.noir@exemple.fr", rpps: "10000000009", territoryIds: [], structureIds: [] });
    const ars = ZCreateUser.parse({ name: "ARS", email: "ars@exemple.fr", role: "ARS", rpps: "10000000009", territoryIds: ["t1", "t1"] });
    expect(ars).toMatchObject({ rpps: null, territoryIds: ["t1"] });
  });
});
