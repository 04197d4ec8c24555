import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { assertCan, can, PERMISSIONS, ROLE_HOME, ROLES, type Permission, type Role } from "@/lib/authz/permissions";
import { editableStructureScope, territoryScope } from "@/lib/authz/scopes";
import type { Actor } from "@/lib/authz/actor";

const HOME_PERMISSION: Record<Role, Permission> = {
  GP: "home.gp",
  COORDINATOR: "home.coordination",
  TEAM_MEMBER: "home.team",
  ARS: "home.ars",
  ADMIN: "home.admin",
};

function actor(role: Role, memberships: Partial<Pick<Actor, "territoryIds" | "departmentCodes" | "structureIds">> = {}): Actor {
  return { id: `u-${role}`, email: `${role}@x.fr`, name: role, role, territoryIds: [], departmentCodes: [], structureIds: [], ...memberships };
}

describe("permission table", () => {
  test.each(ROLES)("%s may open its own home page and no other role's", (role) => {
    for (const other of ROLES) {
      expect(can({ role }, HOME_PERMISSION[other]), `${role} → ${other}`).toBe(other === role);
    }
  });

  test("every role has a home page path", () => {
    expect(Object.keys(ROLE_HOME).sort()).toEqual([...ROLES].sort());
  });

  test("only administrators manage users and territories", () => {
    for (const role of ROLES) {
      expect(can({ role }, "users.manage")).toBe(role === "ADMIN");
      expect(can({ role }, "territories.manage")).toBe(role === "ADMIN");
    }
  });

  test("the ARS role cannot read the directory of named professionals", () => {
    expect(can({ role: "ARS" }, "directory.read")).toBe(false);
    expect(can({ role: "GP" }, "directory.read")).toBe(true);
  });

  test("fails closed: no actor, an unknown role or an unknown permission is refused", () => {
    expect(can(null, "home.gp")).toBe(false);
    expect(can(undefined, "territories.read")).toBe(false);
    expect(can({ role: "SUPERUSER" }, "territories.read")).toBe(false);
    expect(can({ role: undefined }, "territories.read")).toBe(false);
    expect(can({ role: "ADMIN" }, "no.such.permission" as Permission)).toBe(false);
    expect(Object.keys(PERMISSIONS)).not.toContain("no.such.permission");
  });

  test("assertCan throws a FORBIDDEN AppError with a French message", () => {
    expect(() => assertCan({ role: "GP" }, "users.manage")).toThrowError(AppError);
    try {
      assertCan({ role: "GP" }, "users.manage");
    } catch (error) {
      expect((error as AppError).code).toBe("FORBIDDEN");
      expect((error as AppError).status).toBe(403);
      expect((error as AppError).message).toMatch(/accès/);
    }
    expect(() => assertCan({ role: "ADMIN" }, "users.manage")).not.toThrow();
  });
});

describe("row scopes", () => {
  test("coordinators and ARS see only their territories; admins all; others none", () => {
    expect(territoryScope(actor("COORDINATOR", { territoryIds: ["t1", "t2"] }))).toEqual({ id: { in: ["t1", "t2"] } });
    expect(territoryScope(actor("ARS", { territoryIds: ["t3"] }))).toEqual({ id: { in: ["t3"] } });
    expect(territoryScope(actor("ADMIN"))).toEqual({});
    expect(territoryScope(actor("GP", { territoryIds: ["t1"] }))).toEqual({ id: { in: [] } });
    expect(territoryScope(actor("TEAM_MEMBER"))).toEqual({ id: { in: [] } });
  });

  test("a coordinator without territories sees none, not all", () => {
    expect(territoryScope(actor("COORDINATOR"))).toEqual({ id: { in: [] } });
  });

  test("team members edit only their own structures; coordinators those of their territories", () => {
    expect(editableStructureScope(actor("TEAM_MEMBER", { structureIds: ["s1"] }))).toEqual({ id: { in: ["s1"] } });
    expect(editableStructureScope(actor("COORDINATOR", { territoryIds: ["t1"] }))).toEqual({ territoryId: { in: ["t1"] } });
    expect(editableStructureScope(actor("GP"))).toEqual({ id: { in: [] } });
    expect(editableStructureScope(actor("ARS", { territoryIds: ["t1"] }))).toEqual({ id: { in: [] } });
    expect(editableStructureScope({ ...actor("GP"), role: "HACKER" as Role })).toEqual({ id: { in: [] } });
  });
});
