import { describe, expect, test } from "vitest";
import { ZOpeningHours, ZServiceLevels } from "./schemas";

const weekdays8to20 = {
  mon: [["08:00", "20:00"]],
  tue: [["08:00", "20:00"]],
  wed: [
    ["08:00", "12:00"],
    ["13:30", "20:00"],
  ],
  thu: [["08:00", "20:00"]],
  fri: [["08:00", "20:00"]],
  sat: [["09:00", "13:00"]],
  sun: [],
};

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("ZOpeningHours", () => {
  test("accepts a week with split days and a closed Sunday", () => {
    expect(ZOpeningHours.safeParse(weekdays8to20).success).toBe(true);
  });

  test("accepts 24:00 as the end of a day", () => {
    expect(ZOpeningHours.safeParse({ ...weekdays8to20, sun: [["00:00", "24:00"]] }).success).toBe(true);
  });

  test("rejects a malformed time with a French message on the field", () => {
    const result = ZOpeningHours.safeParse({ ...weekdays8to20, mon: [["8h", "20:00"]] });
    expect(result.error?.issues[0]?.path).toEqual(["mon", 0, 0]);
    expect(messages(result)).toEqual(["Heure invalide : format attendu HH:MM (ex. 08:00)."]);
  });

  test("rejects a range that ends before it starts", () => {
    const result = ZOpeningHours.safeParse({ ...weekdays8to20, tue: [["20:00", "08:00"]] });
    expect(messages(result)).toEqual(["La fin (08:00) doit être après le début (20:00)."]);
  });

  test("rejects overlapping ranges in a day", () => {
    const result = ZOpeningHours.safeParse({
      ...weekdays8to20,
      wed: [
        ["08:00", "14:00"],
        ["13:00", "20:00"],
      ],
    });
    expect(result.error?.issues[0]?.path).toEqual(["wed", 1]);
    expect(messages(result)[0]).toMatch(/^Le mercredi, les plages horaires doivent être dans l'ordre/);
  });

  test("requires every day and rejects unknown keys", () => {
    const { sun: _sun, ...noSunday } = weekdays8to20;
    expect(messages(ZOpeningHours.safeParse(noSunday))).toEqual(["Horaires du dimanche manquants ([] si fermé)."]);
    expect(ZOpeningHours.safeParse({ ...weekdays8to20, holiday: [] }).success).toBe(false);
  });

  test("rejects a week with no opening at all", () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(messages(ZOpeningHours.safeParse(closed))).toEqual(["Le dispositif doit être ouvert au moins une demi-journée par semaine."]);
  });
});

describe("ZServiceLevels", () => {
  const standard = { triageHoursCrisis: 2, triageHoursPlanned: 24, firstContactHoursCrisis: 24, firstContactHoursPlanned: 120 };

  test("accepts the standard levels", () => {
    expect(ZServiceLevels.safeParse(standard).success).toBe(true);
  });

  test("rejects fractions, zero and out-of-range hours with French messages", () => {
    const result = ZServiceLevels.safeParse({ ...standard, triageHoursCrisis: 0, firstContactHoursCrisis: 2.5 });
    expect(messages(result)).toEqual([
      "Délai de tri (situation de crise) : au moins 1 heure.",
      "Délai de premier contact (situation de crise) : un nombre entier d'heures est attendu.",
    ]);
    expect(ZServiceLevels.safeParse({ ...standard, triageHoursCrisis: 25 }).success).toBe(false);
  });

  test("rejects a first contact promised before the triage", () => {
    const result = ZServiceLevels.safeParse({ ...standard, triageHoursPlanned: 48, firstContactHoursPlanned: 24 });
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(["firstContactHoursPlanned"]);
  });

  test("rejects a crisis handled more slowly than a planned request", () => {
    const result = ZServiceLevels.safeParse({ ...standard, triageHoursCrisis: 12, triageHoursPlanned: 8, firstContactHoursPlanned: 24 });
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(["triageHoursCrisis"]);
  });
});
