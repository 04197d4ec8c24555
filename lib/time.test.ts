import { describe, expect, test } from "vitest";
import {
  addDays,
  ageInYears,
  formatCalendarDay,
  formatDate,
  formatDateTime,
  formatDayDateTime,
  parisDayStart,
  parisIsoDay,
  parisTime,
  parisYear,
} from "@/lib/time";

test("dates are shown dd/mm/yyyy in Paris time, whatever the server's zone", () => {
  // 23:30 UTC on 31 Dec is already 1 January in Paris (UTC+1 in winter).
  expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
  expect(formatDateTime(new Date("2026-07-14T08:05:00Z"))).toBe("14/07/2026 à 10:05");
});

test("a calendar day is shown as that day, from a form's « 2026-12-31 » or a database date (midnight UTC)", () => {
  expect(formatCalendarDay("2026-12-31")).toBe("31/12/2026");
  expect(formatCalendarDay(new Date("2026-12-31T00:00:00Z"))).toBe("31/12/2026");
  expect(formatCalendarDay(new Date("2026-07-01T00:00:00Z"))).toBe("01/07/2026");
});

describe("parisIsoDay", () => {
  test("is the calendar day in Paris, not in UTC", () => {
    // 23:30 UTC on 31/12 is already 1 January in Paris (UTC+1 in winter).
    expect(parisIsoDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // 22:30 UTC on 30/06 is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(parisIsoDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(parisIsoDay(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });
});

describe("ageInYears", () => {
  const born = new Date("1946-05-12T00:00:00Z");
  test("counts whole years, the birthday included", () => {
    expect(ageInYears(born, parisTime(2026, 5, 11, 12, 0))).toBe(79);
    expect(ageInYears(born, parisTime(2026, 5, 12, 0, 5))).toBe(80);
    expect(ageInYears(born, parisTime(2026, 12, 1, 12, 0))).toBe(80);
  });

  test("turns a year older at midnight in Paris, not at midnight UTC", () => {
    // 11/05 23:30 UTC is already 12/05 in Paris.
    expect(ageInYears(born, new Date("2026-05-11T23:30:00Z"))).toBe(80);
  });

  test("someone born on 29 February is a year older on 1 March of a common year", () => {
    const leap = new Date("1944-02-29T00:00:00Z");
    expect(ageInYears(leap, parisTime(2026, 2, 28, 12, 0))).toBe(81);
    expect(ageInYears(leap, parisTime(2026, 3, 1, 12, 0))).toBe(82);
  });
});

describe("calendar arithmetic", () => {
  test("adds calendar days across months, years and the daylight-saving change", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  test("a Paris day starts at Paris midnight, 23:00 or 22:00 UTC the day before", () => {
    expect(parisDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(parisDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  test("the year is the Paris year: 23:30 UTC on 31 December is already next year", () => {
    expect(parisYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(parisYear(parisTime(2026, 12, 31, 23, 59))).toBe(2026);
  });
});

test("a promised date says its day of the week", () => {
  expect(formatDayDateTime(new Date("2026-11-28T18:00:00Z"))).toBe("samedi 28/11/2026 à 19:00");
});
