import { describe, expect, test } from "vitest";
import { normalizePhone } from "@/lib/text-schemas";
import { isValidFinessKey, ZCreateStructureForm, ZFiness, ZStructure, ZUpdateCapacity } from "@/lib/directory/schemas";
import { formatWeekText, parseDayRanges, parseWeekText } from "@/lib/geography/hours-text";

describe("FINESS", () => {
  // Published numbers (national file, ARS Corse decisions): the key is a Luhn key; in Corsica the
  // letters count as A = 1, B = 2.
  test.each(["010780195", "010000156", "750712184", "540023264", "2A0000014", "2A0002606", "2B0000020", "2B0005342"])(
    "%s is a valid FINESS number",
    (finess) => {
      expect(isValidFinessKey(finess)).toBe(true);
    },
  );

  test.each([
    ["010780196", "last digit changed"],
    ["010781095", "two digits swapped"],
    ["2A0000024", "Corsican number with a wrong key"],
    ["2B0000014", "2A's number under 2B"],
    ["01078019", "8 characters"],
    ["0107801955", "10 characters"],
    ["2C0000014", "no département 2C"],
    ["A10000014", "letter elsewhere"],
  ])("%s is refused (%s)", (finess) => {
    expect(isValidFinessKey(finess)).toBe(false);
  });

  test("spaces and dots are ignored and Corsican letters upper-cased; the message says what is wrong, in French", () => {
    expect(ZFiness.parse("01 078 019 5")).toBe("010780195");
    expect(ZFiness.parse("2a0000014")).toBe("2A0000014");
    expect(ZFiness.safeParse("010780196").error?.issues[0]?.message).toMatch(/clé de contrôle/);
    expect(ZFiness.safeParse("12345").error?.issues[0]?.message).toMatch(/9 caractères/);
  });
});

describe("phones", () => {
  test("are stored in pairs of digits, whatever the typing", () => {
    expect(normalizePhone("0353015531")).toBe("03 53 01 55 31");
    expect(normalizePhone("03.53.01.55.31")).toBe("03 53 01 55 31");
    expect(normalizePhone("+33 3 53 01 55 31")).toBe("+33 3 53 01 55 31");
    expect(normalizePhone("353015531")).toBeNull();
  });
});

describe("opening hours as typed", () => {
  test("a day: ranges in order; 'fermé' or empty is closed; mistakes named in French", () => {
    expect(parseDayRanges("8h30-12h, 13:30 - 17:30", "Lundi")).toEqual({
      ok: true,
      value: [
        ["08:30", "12:00"],
        ["13:30", "17:30"],
      ],
    });
    expect(parseDayRanges(" ", "Lundi")).toEqual({ ok: true, value: [] });
    expect(parseDayRanges("fermé", "Lundi")).toEqual({ ok: true, value: [] });
    expect(parseDayRanges("12:00-08:00", "Lundi")).toMatchObject({ ok: false, error: expect.stringMatching(/^Lundi : la fin/) });
    expect(parseDayRanges("08:00-12:00, 11:00-14:00", "Lundi")).toMatchObject({ ok: false, error: expect.stringMatching(/chevaucher/) });
    expect(parseDayRanges("le matin", "Lundi")).toMatchObject({ ok: false, error: expect.stringMatching(/n'est pas une plage horaire/) });
  });

  test("a week in one line round-trips through its text form", () => {
    const text = "lun-ven 08:30-12:00, 13:30-17:30; sam 09:00-12:00";
    const parsed = parseWeekText(text);
    expect(parsed).toEqual({
      ok: true,
      value: {
        mon: [
          ["08:30", "12:00"],
          ["13:30", "17:30"],
        ],
        tue: [
          ["08:30", "12:00"],
          ["13:30", "17:30"],
        ],
        wed: [
          ["08:30", "12:00"],
          ["13:30", "17:30"],
        ],
        thu: [
          ["08:30", "12:00"],
          ["13:30", "17:30"],
        ],
        fri: [
          ["08:30", "12:00"],
          ["13:30", "17:30"],
        ],
        sat: [["09:00", "12:00"]],
        sun: [],
      },
    });
    expect(formatWeekText(parsed.ok ? parsed.value : null)).toBe(text);
    expect(parseWeekText("")).toEqual({ ok: true, value: null });
    expect(parseWeekText("Lundi 9h-12h; mercredi 9h-12h")).toMatchObject({
      ok: true,
      value: { mon: [["09:00", "12:00"]], tue: [], wed: [["09:00", "12:00"]] },
    });
    expect(parseWeekText("lun-ven 9-17; ven 9-12")).toMatchObject({ ok: false, error: "Le vendredi est indiqué deux fois." });
    expect(parseWeekText("tous les jours 9-17")).toMatchObject({ ok: false, error: expect.stringMatching(/jour attendu/) });
  });
});

const MINIMAL = { name: "EMSP de test", type: "EMSP", coverageDepartmentCodes: "55", ageGroups: ["ADULT"] };

describe("a structure", () => {
  test("needs a name, a type, a public and a coverage; lists are deduplicated and sorted; blanks are null", () => {
    const parsed = ZStructure.parse({
      ...MINIMAL,
      coverageCommuneCodes: "55545, 55029 55029",
      offers: ["PAIN:HOME", "PAIN:HOME", "PALLIATIVE_CARE:NURSING_HOME"],
      phone: " ",
      beds: "",
    });
    expect(parsed).toMatchObject({
      coverageCommuneCodes: ["55029", "55545"],
      coverageDepartmentCodes: ["55"],
      offers: [
        { need: "PAIN", setting: "HOME" },
        { need: "PALLIATIVE_CARE", setting: "NURSING_HOME" },
      ],
      phone: null,
      beds: null,
      capacityStatus: "AVAILABLE",
      active: true,
    });
    const refused = ZStructure.safeParse({ name: " ", type: "NOPE", ageGroups: [] });
    const messages = Object.fromEntries(refused.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({
      name: "Indiquez le nom de la structure.",
      type: "Choisissez le type de structure.",
      ageGroups: "Cochez au moins un public (adultes, enfants).",
      coverage: expect.stringMatching(/zone couverte/),
    });
  });

  test("the form's hours come one field per day, each day's mistake at its own field", () => {
    const ok = ZCreateStructureForm.parse({ ...MINIMAL, hours_mon: "09:00-17:00", hours_sat: "" });
    expect(ok.openingHours).toMatchObject({ mon: [["09:00", "17:00"]], tue: [], sun: [] });
    expect(ZCreateStructureForm.parse({ ...MINIMAL }).openingHours).toBeNull();
    const refused = ZCreateStructureForm.safeParse({ ...MINIMAL, hours_wed: "17:00-09:00" });
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["hours_wed", "Mercredi : la fin (09:00) doit être après le début (17:00)."]]);
  });

  test("capacity: a known status; the date as the date input or as typed", () => {
    expect(ZUpdateCapacity.parse({ structureId: "s1", version: "3", capacityStatus: "WAITING_LIST", capacitySince: "12/11/2026" })).toEqual({
      structureId: "s1",
      version: 3,
      capacityStatus: "WAITING_LIST",
      capacitySince: new Date("2026-11-12T12:00:00Z"),
    });
    expect(ZUpdateCapacity.safeParse({ structureId: "s1", version: 0, capacityStatus: "MAYBE" }).error?.issues[0]?.message).toBe(
      "Choisissez la disponibilité.",
    );
    expect(ZUpdateCapacity.safeParse({ structureId: "s1", version: 0, capacityStatus: "FULL", capacitySince: "31/02/2026" }).error?.issues[0]?.message).toMatch(
      /date invalide/,
    );
  });
});
