// The territory editor on a real PostgreSQL: administrators create and edit territories, move
// communes between them (one territory per commune, said from where), close days that planned
// delays skip, and edit the dashboards' coverage norms — every change an event.
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { parisTime } from "@/lib/time";
import { createTerritory } from "@/lib/territories/create-territory";
import { updateTerritory } from "@/lib/territories/update-territory";
import { changeTerritoryCommunes } from "@/lib/territories/change-territory-communes";
import { addTerritoryClosure } from "@/lib/territories/add-territory-closure";
import { removeTerritoryClosure } from "@/lib/territories/remove-territory-closure";
import { getTerritoryEditor, listDepartmentOptions, listEpciOptions } from "@/lib/territories/editor-queries";
import { findTerritoryForCommune } from "@/lib/geography/queries";
import { getCoverageNorms, NATIONAL_NORMS, setCoverageNorms } from "@/lib/dashboards/norms";
import type { TCreateTerritoryInput } from "@/lib/territories/schemas";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

// The form as the browser sends it: text everywhere.
const FORM: Partial<TCreateTerritoryInput> = {
  name: "Meuse Argonne",
  departmentCode: "55",
  publicPhone: "0353015577",
  email: "",
  hours_mon: "08:00-18:00",
  hours_tue: "08:00-18:00",
  hours_wed: "08:00-18:00",
  hours_thu: "08:00-18:00",
  hours_fri: "08:00-18:00",
  hours_sat: "",
  hours_sun: "",
  crisisClock: "CALENDAR",
  triageHoursCrisis: "4" as unknown as number,
  triageHoursPlanned: "24" as unknown as number,
  firstContactHoursCrisis: "24" as unknown as number,
  firstContactHoursPlanned: "72" as unknown as number,
  referralAnswerHours: "48" as unknown as number,
};

const BAR_LE_DUC = "55029";
const VERDUN = "55545";

describe("creating and editing a territory", () => {
  test("an administrator creates a territory from the form's text; it is an event; a coordinator may not", async () => {
    const created = await createTerritory({ db, actor: world.admin, input: FORM });
    expect(created.slug).toBe("meuse-argonne");
    const row = await db.territory.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "Meuse Argonne", publicPhone: "03 53 01 55 77", email: null, triageHoursPlanned: 24, referralAnswerHours: 48 });
    expect(row.openingHours).toMatchObject({ mon: [["08:00", "18:00"]], sat: [] });
    expect(await db.event.findMany({ where: { subjectId: created.id }, select: { type: true, actorId: true } })).toEqual([
      { type: "territory.created", actorId: world.admin.id },
    ]);
    // The same name again gets its own slug (the routing rules' page is named by it).
    expect((await createTerritory({ db, actor: world.admin, input: FORM })).slug).toBe("meuse-argonne-2");
    await expect(createTerritory({ db, actor: world.idec, input: FORM })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("mistakes come back at their field, in French, the stored rules included", async () => {
    const refused: Promise<unknown> = createTerritory({
      db,
      actor: world.admin,
      input: { ...FORM, publicPhone: "12", hours_tue: "18:00-08:00", firstContactHoursCrisis: "60" as unknown as number },
    });
    await expect(refused).rejects.toMatchObject({ name: "ZodError" });
    const error = (await refused.catch((e: unknown) => e)) as { issues: { path: PropertyKey[]; message: string }[] };
    const byField = Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.publicPhone).toMatch(/numéro invalide/);
    expect(byField.hours_tue).toMatch(/Mardi : la fin \(08:00\) doit être après le début/);
    // Then, once the fields are right, the rules of the service levels, at the number they concern.
    const closedWeek = await createTerritory({
      db,
      actor: world.admin,
      input: { ...FORM, hours_mon: "", hours_tue: "", hours_wed: "", hours_thu: "", hours_fri: "", firstContactHoursCrisis: "60" as unknown as number },
    }).catch((e: { issues: { path: PropertyKey[]; message: string }[] }) => Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message])));
    expect(closedWeek).toMatchObject({
      hours: expect.stringMatching(/au moins une demi-journée/),
      firstContactHoursCrisis: expect.stringMatching(/48 h au plus/),
    });
    const onCall = await createTerritory({ db, actor: world.admin, input: { ...FORM, crisisClock: "ON_CALL" } }).catch(
      (e: { issues: { path: PropertyKey[]; message: string }[] }) => Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message])),
    );
    expect(onCall).toEqual({ onCall: expect.stringMatching(/heures d'astreinte/) });
    expect(await db.territory.count({ where: { name: "Meuse Argonne" } })).toBe(0);
  });

  test("an edit says which fields changed; saving the same values again writes no event", async () => {
    const id = world.territories["meuse-nord"]!;
    const editor = await getTerritoryEditor({ db, territoryId: id });
    const input = { ...FORM, territoryId: id, name: editor!.name, departmentCode: "55", publicPhone: editor!.publicPhone, hours_sat: "09:00-12:00" };
    expect(await updateTerritory({ db, actor: world.admin, input })).toEqual({
      changed: ["email", "openingHours", "firstContactHoursPlanned", "crisisClock", "onCallHours"],
    });
    expect(await updateTerritory({ db, actor: world.admin, input })).toEqual({ changed: [] });
    // The checkbox of parallel referrals, ticked ("on").
    expect(await updateTerritory({ db, actor: world.admin, input: { ...input, withdrawParallelReferrals: "on" as unknown as boolean } })).toEqual({
      changed: ["withdrawParallelReferrals"],
    });
    expect((await db.territory.findUniqueOrThrow({ where: { id } })).withdrawParallelReferrals).toBe(true);
    const events = await db.event.findMany({ where: { subjectId: id, type: "territory.updated" } });
    expect(events).toHaveLength(2);
    expect((await db.territory.findUniqueOrThrow({ where: { id } })).onCallHours).toBeNull();
  });
});

describe("communes: one territory at a time", () => {
  test("adding a département whose communes are elsewhere is refused with where they are; asked to move, they move and each side has its event", async () => {
    const { id } = await createTerritory({ db, actor: world.admin, input: FORM });
    const refused = changeTerritoryCommunes({ db, actor: world.admin, input: { territoryId: id, operation: "add", pick: "department", pickDepartment: "55" } });
    await expect(refused).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/Meuse \(55\) : \d+ communes appartiennent déjà .*Meuse (Nord|Sud).*communes\).*Déplacer/),
    });
    expect(await findTerritoryForCommune({ prisma: db, communeCode: BAR_LE_DUC })).toMatchObject({ slug: "meuse-sud" });

    const meuse = await db.commune.aggregate({ where: { departmentCode: "55" }, _count: true, _sum: { population: true } });
    const moved = await changeTerritoryCommunes({
      db,
      actor: world.admin,
      input: { territoryId: id, operation: "add", pick: "department", pickDepartment: "55", move: "on" as unknown as boolean },
    });
    expect(moved).toMatchObject({ operation: "add", picked: "Meuse (55)", communes: meuse._count, population: meuse._sum.population });
    expect(moved.movedFrom.map((m) => m.name).sort()).toEqual(["Meuse Nord (Verdun)", "Meuse Sud (Bar-le-Duc)"].sort());
    expect(moved.movedFrom.reduce((n, m) => n + m.communes, 0)).toBe(meuse._count);
    expect(await findTerritoryForCommune({ prisma: db, communeCode: VERDUN })).toMatchObject({ id });
    expect(await db.territoryCommune.count({ where: { territoryId: world.territories["meuse-sud"]! } })).toBe(0);
    const sourceEvent = await db.event.findFirstOrThrow({ where: { subjectId: world.territories["meuse-sud"]!, type: "territory.communes_changed" } });
    expect(sourceEvent.data).toMatchObject({ operation: "remove", pick: "moved", movedTo: id });
    const event = await db.event.findFirstOrThrow({ where: { subjectId: id, type: "territory.communes_changed" } });
    expect(event).toMatchObject({ actorId: world.admin.id, data: { operation: "add", pick: "department", code: "55", added: meuse._count } });
  });

  test("an EPCI and a single commune are added and removed; the options show what is here and elsewhere", async () => {
    const { id } = await createTerritory({ db, actor: world.admin, input: FORM });
    const epcis = await listEpciOptions({ db, territoryId: id, departmentCodes: ["55"] });
    const barLeDuc = epcis.find((e) => e.name === "CA de Bar-le-Duc - Sud Meuse");
    expect(barLeDuc).toMatchObject({ communes: 33, here: 0, elsewhere: 33 });
    const added = await changeTerritoryCommunes({
      db,
      actor: world.admin,
      input: { territoryId: id, operation: "add", pick: "epci", pickEpci: barLeDuc!.code, move: true },
    });
    expect(added).toMatchObject({ communes: 33, movedFrom: [{ name: "Meuse Sud (Bar-le-Duc)", communes: 33 }] });
    expect((await listEpciOptions({ db, territoryId: id, departmentCodes: ["55"] })).find((e) => e.code === barLeDuc!.code)).toMatchObject({
      here: 33,
      elsewhere: 0,
    });
    const meuse = (await listDepartmentOptions({ db, territoryId: id })).find((d) => d.code === "55");
    expect(meuse).toMatchObject({ here: 33, elsewhere: meuse!.communes - 33 });

    await expect(
      changeTerritoryCommunes({ db, actor: world.admin, input: { territoryId: id, operation: "add", pick: "commune", pickCommune: BAR_LE_DUC } }),
    ).rejects.toMatchObject({ fieldErrors: { pick: ["Rien à ajouter."] } });
    const removed = await changeTerritoryCommunes({
      db,
      actor: world.admin,
      input: { territoryId: id, operation: "remove", pick: "commune", pickCommune: BAR_LE_DUC },
    });
    expect(removed).toMatchObject({ operation: "remove", picked: "Bar-le-Duc", communes: 1 });
    expect(await findTerritoryForCommune({ prisma: db, communeCode: BAR_LE_DUC })).toBeNull();
    await expect(changeTerritoryCommunes({ db, actor: world.admin, input: { territoryId: id, operation: "add", pick: "epci" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["pickEpci"] })],
    });
  });

  test("the database itself refuses a commune in two territories", async () => {
    await expect(db.territoryCommune.create({ data: { territoryId: world.territories["vosges"]!, communeCode: BAR_LE_DUC } })).rejects.toThrow(
      /Unique constraint/,
    );
  });
});

describe("closures and norms", () => {
  test("a closure is a day the planned delays skip, for requests filed after it was set; removing it opens the day again", async () => {
    const friday = parisTime(2026, 11, 27, 19, 0);
    const before = await fileTestRequest(db, world, { urgency: "PLANNED" }, friday);
    expect(before.triageDueAt?.toISOString()).toBe(parisTime(2026, 12, 1, 15, 0).toISOString());
    const territoryId = world.territories["meuse-sud"]!;
    await addTerritoryClosure({ db, actor: world.admin, input: { territoryId, day: "30/11/2026", label: "Séminaire d'équipe" }, now: friday });
    const after = await fileTestRequest(db, world, { urgency: "PLANNED" }, friday);
    // Monday closed: Tuesday takes Monday's hours, the due date moves one working day.
    expect(after.triageDueAt?.toISOString()).toBe(parisTime(2026, 12, 2, 15, 0).toISOString());
    expect((await db.request.findUniqueOrThrow({ where: { id: before.id } })).triageDueAt?.toISOString()).toBe(before.triageDueAt?.toISOString());

    await expect(
      addTerritoryClosure({ db, actor: world.admin, input: { territoryId, day: "2026-11-30", label: "Encore" }, now: friday }),
    ).rejects.toMatchObject({
      fieldErrors: { day: [expect.stringMatching(/déjà indiqué \(Séminaire d'équipe\)/)] },
    });
    await expect(addTerritoryClosure({ db, actor: world.admin, input: { territoryId, day: "2026-12-25", label: "Noël" }, now: friday })).rejects.toMatchObject({
      fieldErrors: { day: [expect.stringMatching(/déjà un jour férié \(Noël\)/)] },
    });
    await expect(addTerritoryClosure({ db, actor: world.admin, input: { territoryId, day: "2026-11-20", label: "Passé" }, now: friday })).rejects.toMatchObject(
      {
        code: "INVALID_INPUT",
      },
    );
    await removeTerritoryClosure({ db, actor: world.admin, input: { territoryId, day: "2026-11-30" } });
    expect((await fileTestRequest(db, world, { urgency: "PLANNED" }, friday)).triageDueAt?.toISOString()).toBe(before.triageDueAt?.toISOString());
    expect(
      (await db.event.findMany({ where: { subjectId: territoryId, type: { startsWith: "territory.closure" } }, orderBy: { id: "asc" } })).map((e) => [
        e.type,
        e.data,
      ]),
    ).toEqual([
      ["territory.closure_added", { day: "2026-11-30" }],
      ["territory.closure_removed", { day: "2026-11-30" }],
    ]);
  });

  test("the coverage norms are edited by administrators, French decimals accepted, with an event of before and after", async () => {
    await expect(setCoverageNorms({ db, actor: world.ars, norms: { mobileTeamsPer200k: "2", palliativeBedsPer100k: "8" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await setCoverageNorms({ db, actor: world.admin, norms: { mobileTeamsPer200k: "1,5", palliativeBedsPer100k: "6" } });
    expect(await getCoverageNorms(db)).toEqual({ mobileTeamsPer200k: 1.5, palliativeBedsPer100k: 6 });
    expect(await setCoverageNorms({ db, actor: world.admin, norms: { mobileTeamsPer200k: "1.5", palliativeBedsPer100k: "6" } })).toMatchObject({
      changed: false,
    });
    const events = await db.event.findMany({ where: { type: "settings.norms_updated" } });
    expect(events).toEqual([
      expect.objectContaining({
        actorId: world.admin.id,
        subjectType: "settings",
        data: { before: NATIONAL_NORMS, after: { mobileTeamsPer200k: 1.5, palliativeBedsPer100k: 6 } },
      }),
    ]);
    await expect(setCoverageNorms({ db, actor: world.admin, norms: { mobileTeamsPer200k: "", palliativeBedsPer100k: "-1" } })).rejects.toMatchObject({
      name: "ZodError",
    });
  });
});
