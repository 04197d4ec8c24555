import { beforeEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { createStructure } from "@/lib/directory/create-structure";
import { searchStructures } from "@/lib/directory/search-structures";
import { setStructureActive } from "@/lib/directory/set-structure-active";
import { updateStructure } from "@/lib/directory/update-structure";
import { updateStructureContacts } from "@/lib/directory/update-structure-contacts";
import { updateCapacity } from "@/lib/directory/update-capacity";
import { getStructureForEdit } from "@/lib/directory/queries";
import { BAR_LE_DUC, VERDUN, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NANCY = "54395";

type Fixture = {
  name: string;
  type?: "EMSP" | "HAD" | "SSIAD" | "PAIN_CLINIC" | "PSYCHOLOGIST";
  communes?: string[];
  departments?: string[];
  territories?: string[];
  offers?: [string, string][];
  active?: boolean;
};

async function structure(f: Fixture): Promise<string> {
  const { id } = await db.structure.create({
    data: {
      name: f.name,
      type: f.type ?? "EMSP",
      territoryId: world.territories["meuse-sud"],
      coverageCommuneCodes: f.communes ?? [],
      coverageDepartmentCodes: f.departments ?? [],
      coverageTerritoryIds: f.territories ?? [],
      active: f.active ?? true,
      phone: "03 53 01 55 99",
      offers: { create: (f.offers ?? []).map(([need, setting]) => ({ need: need as never, setting: setting as never })) },
    },
    select: { id: true },
  });
  return id;
}

const names = (result: { items: { name: string }[] }) => result.items.map((i) => i.name);

describe("searchStructures", () => {
  beforeEach(async () => {
    await Promise.all([
      structure({ name: "A – liste de communes", communes: [BAR_LE_DUC, "55291"], offers: [["PAIN", "HOME"]] }),
      structure({
        name: "B – département 55",
        type: "HAD",
        departments: ["55"],
        offers: [
          ["PAIN", "NURSING_HOME"],
          ["HOME_CARE", "HOME"],
        ],
      }),
      structure({ name: "C – territoire Meuse Sud", territories: [world.territories["meuse-sud"]!], offers: [["PALLIATIVE_CARE", "HOME"]] }),
      structure({ name: "D – Verdun seulement", type: "PAIN_CLINIC", communes: [VERDUN], offers: [["PAIN", "HOME"]] }),
      structure({ name: "E – Meurthe-et-Moselle", departments: ["54"], offers: [["PAIN", "HOME"]] }),
      structure({ name: "F – désactivée", departments: ["55"], offers: [["PAIN", "HOME"]], active: false }),
    ]);
  });

  test("a commune finds the structures covering it by listed commune, whole département or whole territory, and says how", async () => {
    const result = await searchStructures({ db, communeCode: BAR_LE_DUC, limit: 20 });
    expect(names(result)).toEqual(["A – liste de communes", "B – département 55", "C – territoire Meuse Sud"]);
    expect(result.items.map((i) => i.coverageMatch)).toEqual(["commune", "department", "territory"]);
    expect(result.commune).toEqual({ code: BAR_LE_DUC, name: "Bar-le-Duc" });
    expect(result.items[1]).toMatchObject({ coverageSummary: "Département Meuse (55)", phone: "03 53 01 55 99", capacityStatus: "AVAILABLE" });
    expect(result.items[2]!.coverageSummary).toBe("Territoire Meuse Sud (Bar-le-Duc)");
  });

  test("Verdun is in the département but not in Meuse Sud: the territory's structures are not shown there", async () => {
    expect(names(await searchStructures({ db, communeCode: VERDUN, limit: 20 }))).toEqual(["B – département 55", "D – Verdun seulement"]);
    expect(names(await searchStructures({ db, communeCode: NANCY, limit: 20 }))).toEqual(["E – Meurthe-et-Moselle"]);
  });

  test("need, care setting and type narrow the list; the settings shown are those of the need", async () => {
    const pain = await searchStructures({ db, communeCode: BAR_LE_DUC, need: "PAIN", limit: 20 });
    expect(names(pain)).toEqual(["A – liste de communes", "B – département 55"]);
    expect(pain.items.map((i) => i.settings)).toEqual([["HOME"], ["NURSING_HOME"]]);
    expect(names(await searchStructures({ db, communeCode: BAR_LE_DUC, need: "PAIN", setting: "HOME", limit: 20 }))).toEqual(["A – liste de communes"]);
    expect(names(await searchStructures({ db, communeCode: BAR_LE_DUC, type: "HAD", limit: 20 }))).toEqual(["B – département 55"]);
    expect(names(await searchStructures({ db, need: "PAIN", type: "PAIN_CLINIC", limit: 20 }))).toEqual(["D – Verdun seulement"]);
  });

  test("deactivated structures are left out unless asked for; an unknown commune finds nothing", async () => {
    expect(names(await searchStructures({ db, communeCode: BAR_LE_DUC, need: "PAIN", includeInactive: true, limit: 20 }))).toContain("F – désactivée");
    expect(await searchStructures({ db, communeCode: "99999", limit: 20 })).toMatchObject({ items: [], nextCursor: null });
  });

  test("pages follow each other with a cursor, without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchStructures({ db, limit: 4, cursor });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...names(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    // The world's own structures (EMSP de Bar-le-Duc, HAD Meuse...) are there too, sorted by name.
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.structure.count({ where: { active: true } }));
    expect(pages).toBe(Math.ceil(seen.length / 4));
    // A cursor that is not one starts from the beginning rather than failing.
    expect(names(await searchStructures({ db, limit: 4, cursor: "not-a-cursor" }))).toEqual(seen.slice(0, 4));
  });
});

const VALID = {
  name: "Psychologue de Ligny",
  type: "PSYCHOLOGIST" as const,
  coverageCommuneCodes: [BAR_LE_DUC],
  ageGroups: ["ADULT"],
  offers: ["PSYCHOLOGICAL_PATIENT:HOME"],
  hours_mon: "09:00-12:00",
};

async function rejection(promise: Promise<unknown>): Promise<AppError | ZodError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError || error instanceof ZodError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

const errorsOf = (error: AppError | ZodError) =>
  error instanceof AppError ? error.fieldErrors : Object.fromEntries(error.issues.map((i) => [String(i.path[0]), [i.message]]));

describe("creating a structure", () => {
  test("a coordinator adds one to their territory: stored with its offers and hours, an external key, capacity confirmed today, and an event", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const { id } = await createStructure({
      db,
      actor: world.idec,
      input: { ...VALID, territoryId: world.territories["meuse-sud"], finess: "550 999 015" },
      now,
    });
    const row = await db.structure.findUniqueOrThrow({ where: { id }, include: { offers: true } });
    expect(row).toMatchObject({
      finess: "550999015",
      externalId: expect.stringMatching(/^S-[0-9A-F]{10}$/),
      capacityConfirmedAt: now,
      openingHours: { mon: [["09:00", "12:00"]], tue: [] },
    });
    expect(row.offers).toEqual([expect.objectContaining({ need: "PSYCHOLOGICAL_PATIENT", setting: "HOME" })]);
    expect(await db.event.findMany({ where: { subjectId: id } })).toEqual([
      expect.objectContaining({ type: "directory.structure_created", actorId: world.idec.id, data: { source: "form" } }),
    ]);
  });

  test("mistakes come back in French at their field, all at once, and nothing is written", async () => {
    const error = await rejection(
      createStructure({
        db,
        actor: world.idec,
        input: { name: "", type: "EMSP", finess: "550999016", ageGroups: [], hours_tue: "18:00-08:00", territoryId: world.territories["meuse-sud"] },
      }),
    );
    expect(errorsOf(error)).toMatchObject({
      name: ["Indiquez le nom de la structure."],
      finess: ["Numéro FINESS invalide : la clé de contrôle ne correspond pas (faute de frappe ?)."],
      ageGroups: ["Cochez au moins un public (adultes, enfants)."],
      hours_tue: ["Mardi : la fin (08:00) doit être après le début (18:00)."],
      coverage: [expect.stringMatching(/zone couverte/)],
    });
    const taken = await createStructure({ db, actor: world.idec, input: { ...VALID, territoryId: world.territories["meuse-sud"], finess: "550999015" } });
    const duplicate = await rejection(
      createStructure({
        db,
        actor: world.idec,
        input: { ...VALID, territoryId: world.territories["meuse-sud"], finess: "550999015", coverageCommuneCodes: ["99999"] },
      }),
    );
    expect(errorsOf(duplicate)).toEqual({
      finess: ["Ce numéro FINESS est déjà celui de « Psychologue de Ligny »."],
      coverageCommuneCodes: ["Communes inconnues : 99999."],
    });
    expect(await db.structure.count({ where: { name: "Psychologue de Ligny" } })).toBe(1);
    expect(taken.id).toBeTruthy();
  });

  test("a coordinator only for one of their territories; team members, GPs and the ARS not at all", async () => {
    const outside = await rejection(createStructure({ db, actor: world.pacaIdec, input: { ...VALID, territoryId: world.territories["meuse-sud"] } }));
    expect(errorsOf(outside)).toEqual({ territoryId: ["Vous ne pouvez rattacher une structure qu'à l'un de vos territoires."] });
    for (const actor of [world.emsp, world.gp, world.ars]) {
      expect(await rejection(createStructure({ db, actor, input: VALID }))).toMatchObject({ code: "FORBIDDEN" });
    }
    const { id } = await createStructure({ db, actor: world.admin, input: VALID });
    expect((await db.structure.findUniqueOrThrow({ where: { id } })).territoryId).toBeNull();
  });
});

describe("editing permissions", () => {
  const capacity = (structureId: string, version = 0) => ({ structureId, version, capacityStatus: "WAITING_LIST" as const });

  test("a team member updates their own structure's capacity and contacts, and no other's", async () => {
    const now = new Date("2026-11-20T09:00:00Z");
    const result = await updateCapacity({ db, actor: world.emsp, input: capacity(world.structures.emsp), now });
    expect(result).toMatchObject({ version: 1, statusChanged: true });
    expect(await db.structure.findUniqueOrThrow({ where: { id: world.structures.emsp } })).toMatchObject({
      capacityStatus: "WAITING_LIST",
      capacitySince: now,
      capacityConfirmedAt: now,
      version: 1,
    });
    expect(await rejection(updateCapacity({ db, actor: world.emsp, input: capacity(world.structures.had) }))).toMatchObject({ code: "NOT_FOUND" });

    await updateStructureContacts({
      db,
      actor: world.emsp,
      input: { structureId: world.structures.emsp, version: 1, phone: "0353015531", referentName: "Dr Anne Royer", hours_fri: "09:00-17:00" },
    });
    expect(await db.structure.findUniqueOrThrow({ where: { id: world.structures.emsp } })).toMatchObject({
      phone: "03 53 01 55 31",
      referentName: "Dr Anne Royer",
      version: 2,
    });
    expect(
      await rejection(updateStructureContacts({ db, actor: world.emsp, input: { structureId: world.structures.had, version: 0, phone: "0353015532" } })),
    ).toMatchObject({ code: "NOT_FOUND" });
    // The rest of the entry (coverage, offers, name) is the coordination's.
    expect(await rejection(updateStructure({ db, actor: world.emsp, input: { structureId: world.structures.emsp, version: 2, ...VALID } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await rejection(setStructureActive({ db, actor: world.emsp, input: { structureId: world.structures.emsp, version: 2, active: false } })),
    ).toMatchObject({ code: "FORBIDDEN" });
    await expect(getStructureForEdit({ db, actor: world.emsp, id: world.structures.had })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("a coordinator edits the structures of their territories only; an admin all", async () => {
    await updateCapacity({ db, actor: world.idec, input: capacity(world.structures.ssiadVerdun) });
    expect(await rejection(updateCapacity({ db, actor: world.pacaIdec, input: capacity(world.structures.emsp) }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(updateStructure({ db, actor: world.pacaIdec, input: { structureId: world.structures.emsp, version: 0, ...VALID } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    const result = await updateStructure({
      db,
      actor: world.idec,
      input: {
        structureId: world.structures.emsp,
        version: 0,
        ...VALID,
        name: "EMSP de Bar-le-Duc",
        type: "EMSP",
        territoryId: world.territories["meuse-sud"],
      },
    });
    expect(result).toMatchObject({ changed: true, version: 1 });
    expect(result.fields).toEqual(expect.arrayContaining(["coverageCommuneCodes", "offers", "openingHours"]));
    await updateCapacity({ db, actor: world.admin, input: capacity(world.structures.resp13) });
  });

  test("GPs and the ARS change nothing", async () => {
    for (const actor of [world.gp, world.ars]) {
      expect(await rejection(updateCapacity({ db, actor, input: capacity(world.structures.emsp) }))).toMatchObject({ code: "FORBIDDEN" });
      expect(
        await rejection(updateStructureContacts({ db, actor, input: { structureId: world.structures.emsp, version: 0, phone: "0353015531" } })),
      ).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.structure.findUniqueOrThrow({ where: { id: world.structures.emsp } })).toMatchObject({ version: 0, capacityStatus: "AVAILABLE" });
  });

  test("a coordinator cannot move an entry to a territory that is not theirs", async () => {
    const error = await rejection(
      updateStructure({
        db,
        actor: world.idec,
        input: { structureId: world.structures.emsp, version: 0, ...VALID, territoryId: world.territories["bouches-du-rhone"] },
      }),
    );
    expect(errorsOf(error)).toEqual({ territoryId: ["Vous ne pouvez rattacher une structure qu'à l'un de vos territoires."] });
  });
});

describe("versions and events", () => {
  test("two people editing the same version: the second gets a conflict in French and changes nothing", async () => {
    const id = world.structures.emsp;
    await updateStructureContacts({ db, actor: world.emsp, input: { structureId: id, version: 0, phone: "03 53 01 55 31" } });
    const stale = await rejection(updateStructureContacts({ db, actor: world.idec, input: { structureId: id, version: 0, phone: "03 53 01 55 00" } }));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/modifiée par quelqu'un d'autre/) });
    expect(await rejection(updateCapacity({ db, actor: world.idec, input: { structureId: id, version: 0, capacityStatus: "FULL" } }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.structure.findUniqueOrThrow({ where: { id } })).toMatchObject({ phone: "03 53 01 55 31", capacityStatus: "AVAILABLE", version: 1 });
  });

  test("a save that changes nothing writes nothing; a change is one event naming its fields; confirming capacity is an event too", async () => {
    const id = world.structures.emsp;
    const same = await updateStructureContacts({ db, actor: world.emsp, input: { structureId: id, version: 0, phone: "03 53 01 55 99" } });
    expect(same).toEqual({ changed: false, fields: [], version: 0 });
    await updateStructureContacts({ db, actor: world.emsp, input: { structureId: id, version: 0, phone: "03 53 01 55 99", backupName: "Isabelle Marchal" } });
    const now = new Date("2026-11-23T08:00:00Z");
    const confirmed = await updateCapacity({ db, actor: world.emsp, input: { structureId: id, version: 1, capacityStatus: "AVAILABLE" }, now });
    expect(confirmed).toMatchObject({ statusChanged: false, version: 2 });
    const events = await db.event.findMany({ where: { subjectType: "structure", subjectId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["directory.structure_updated", { fields: ["backupName"], source: "form" }],
      ["directory.capacity_updated", { status: "AVAILABLE" }],
    ]);
    expect(await db.structure.findUniqueOrThrow({ where: { id } })).toMatchObject({ capacityConfirmedAt: now, capacitySince: null });
  });

  test("deactivating hides the structure from the search, with its own event; reactivating brings it back", async () => {
    await db.structure.update({ where: { id: world.structures.had }, data: { coverageDepartmentCodes: ["55"] } });
    await setStructureActive({ db, actor: world.idec, input: { structureId: world.structures.had, version: 0, active: false } });
    expect(names(await searchStructures({ db, communeCode: BAR_LE_DUC, limit: 20 }))).not.toContain("HAD Meuse");
    await setStructureActive({ db, actor: world.idec, input: { structureId: world.structures.had, version: 1, active: true } });
    expect(names(await searchStructures({ db, communeCode: BAR_LE_DUC, limit: 20 }))).toContain("HAD Meuse");
    const types = (await db.event.findMany({ where: { subjectId: world.structures.had }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["directory.structure_deactivated", "directory.structure_updated"]);
  });
});
