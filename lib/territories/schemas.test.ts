import { describe, expect, test } from "vitest";
import { territoryFieldValues, ZAddTerritoryClosure, ZChangeTerritoryCommunes, ZCreateTerritory } from "@/lib/territories/schemas";
import { upcomingPublicHolidays } from "@/lib/territories/holidays";

const FORM = {
  name: "  Meuse Argonne ",
  departmentCode: "55",
  publicPhone: "03.53.01.55.77",
  email: " Contact@DAC-Exemple.fr ",
  hours_mon: "8h-12h, 14h-18h",
  hours_tue: "08:00-18:00",
  hours_wed: "",
  hours_thu: "08:00-18:00",
  hours_fri: "08:00-18:00",
  hours_sat: "fermé",
  hours_sun: "",
  crisisClock: "ON_CALL",
  onCall_mon: "08:00-20:00",
  onCall_tue: "08:00-20:00",
  onCall_wed: "08:00-20:00",
  onCall_thu: "08:00-20:00",
  onCall_fri: "08:00-20:00",
  onCall_sat: "08:00-20:00",
  onCall_sun: "08:00-20:00",
  triageHoursCrisis: "4",
  triageHoursPlanned: "24",
  firstContactHoursCrisis: "24",
  firstContactHoursPlanned: "72",
  referralAnswerHours: "48",
};

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the territory form", () => {
  test("turns what people type into the stored shapes", () => {
    const data = ZCreateTerritory.parse(FORM);
    expect(data).toMatchObject({ name: "Meuse Argonne", publicPhone: "03 53 01 55 77", email: "contact@dac-exemple.fr", referralAnswerHours: 48 });
    expect(data.openingHours).toMatchObject({
      mon: [
        ["08:00", "12:00"],
        ["14:00", "18:00"],
      ],
      wed: [],
      sat: [],
    });
    expect(data.serviceLevels).toMatchObject({ crisisClock: "ON_CALL", triageHoursCrisis: 4, onCallHours: { sun: [["08:00", "20:00"]] } });
  });

  test("a calendar crisis clock keeps no on-call hours", () => {
    expect(ZCreateTerritory.parse({ ...FORM, crisisClock: "CALENDAR" }).serviceLevels.onCallHours).toBeNull();
  });

  test("each mistake is at its field", () => {
    expect(errorsOf(ZCreateTerritory.safeParse({ ...FORM, name: " ", publicPhone: "", hours_thu: "9-8", triageHoursPlanned: "deux" }))).toEqual({
      name: "Indiquez le nom du territoire.",
      publicPhone: "Indiquez le numéro unique du territoire.",
      hours_thu: expect.stringMatching(/^Jeudi : la fin \(08:00\) doit être après le début \(09:00\)/),
      triageHoursPlanned: expect.stringMatching(/Délai de tri \(demande programmée\)/),
    });
    // On-call hours too short for the 48-hour crisis promise: said at the on-call week.
    const short = { ...FORM, onCall_sat: "", onCall_sun: "", onCall_fri: "08:00-09:00", firstContactHoursCrisis: "24" };
    expect(errorsOf(ZCreateTerritory.safeParse(short))).toEqual({ onCall: expect.stringMatching(/48 h au plus/) });
  });

  test("the communes form needs the value of what is picked", () => {
    expect(errorsOf(ZChangeTerritoryCommunes.safeParse({ territoryId: "t1", operation: "add", pick: "department" }))).toEqual({
      pickDepartment: "Choisissez le département.",
    });
    expect(ZChangeTerritoryCommunes.parse({ territoryId: "t1", operation: "add", pick: "commune", pickCommune: "55029", move: "on" })).toMatchObject({
      pickCommune: "55029",
      move: true,
    });
  });

  test("a closure's day is typed as a date input or jj/mm/aaaa", () => {
    expect(ZAddTerritoryClosure.parse({ territoryId: "t1", day: "24/12/2026", label: "Pont" }).day).toBe("2026-12-24");
    expect(errorsOf(ZAddTerritoryClosure.safeParse({ territoryId: "t1", day: "31/02/2026", label: "" }))).toEqual({
      day: "Jour de fermeture : date invalide (jj/mm/aaaa).",
      label: "Indiquez le motif (ex. pont, séminaire d'équipe).",
    });
  });
});

describe("what the territory form shows", () => {
  test("a saved territory shown in the form and saved again is unchanged", () => {
    const saved = ZCreateTerritory.parse(FORM);
    const shown = territoryFieldValues(saved);
    expect(shown).toMatchObject({
      hours_mon: "08:00-12:00, 14:00-18:00",
      hours_wed: "",
      onCall_sun: "08:00-20:00",
      triageHoursCrisis: "4",
      email: "contact@dac-exemple.fr",
    });
    expect(ZCreateTerritory.parse(shown)).toEqual(saved);
  });

  test("a new territory starts valid but for its name, département and number", () => {
    const result = ZCreateTerritory.safeParse(territoryFieldValues(null));
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["departmentCode", "name", "publicPhone"]);
  });
});

describe("the public holidays shown to the administrator", () => {
  test("the coming year's, in order, with Alsace-Moselle's two more", () => {
    const meuse = upcomingPublicHolidays("55", "2026-12-03");
    expect(meuse.map((h) => h.day)).toEqual([
      "2026-12-25",
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
    ]);
    const moselle = upcomingPublicHolidays("57", "2026-12-03").map((h) => h.day);
    expect(moselle).toContain("2026-12-26");
    expect(moselle).toContain("2027-03-26");
    expect(moselle).toHaveLength(13);
  });
});
