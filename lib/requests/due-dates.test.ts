import { describe, expect, test } from "vitest";
import { addOpeningHours } from "@/lib/requests/due-dates";
import { parisTime } from "@/lib/time";
import type { OpeningHours } from "@/lib/territories/opening-hours";

const weekday: [string, string][] = [["08:00", "20:00"]];
const HOURS: OpeningHours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [["09:00", "13:00"]], sun: [] };

describe("parisTime", () => {
  test("is UTC+1 in winter and UTC+2 in summer", () => {
    expect(parisTime(2026, 11, 23, 10, 0).toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(parisTime(2026, 7, 14, 10, 0).toISOString()).toBe("2026-07-14T08:00:00.000Z");
  });
});

describe("addOpeningHours", () => {
  test.each([
    ["within the same day", parisTime(2026, 11, 23, 10, 0), 4, parisTime(2026, 11, 23, 14, 0)],
    ["carried over to the next morning", parisTime(2026, 11, 23, 18, 0), 4, parisTime(2026, 11, 24, 10, 0)],
    ["from Friday evening to Saturday morning", parisTime(2026, 11, 27, 19, 0), 4, parisTime(2026, 11, 28, 12, 0)],
    ["over the closed Sunday", parisTime(2026, 11, 28, 12, 0), 3, parisTime(2026, 11, 30, 10, 0)],
    ["filed on a Sunday: counted from Monday's opening", parisTime(2026, 11, 29, 15, 0), 2, parisTime(2026, 11, 30, 10, 0)],
    ["filed at night: counted from the morning", parisTime(2026, 11, 24, 2, 30), 1, parisTime(2026, 11, 24, 9, 0)],
    ["a 24-hour target spans two working days", parisTime(2026, 11, 23, 14, 0), 24, parisTime(2026, 11, 25, 14, 0)],
    // Clocks go forward on Sunday 29 March 2026: Saturday is UTC+1, Monday UTC+2.
    ["across the spring clock change", parisTime(2026, 3, 28, 12, 0), 2, parisTime(2026, 3, 30, 9, 0)],
  ])("%s", (_label, start, hours, expected) => {
    expect(addOpeningHours(start, hours, HOURS).toISOString()).toBe(expected.toISOString());
  });

  test("the spring case lands at 07:00 UTC, i.e. 9:00 summer time", () => {
    expect(addOpeningHours(parisTime(2026, 3, 28, 12, 0), 2, HOURS).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  test("split days count both slots", () => {
    const split: OpeningHours = { mon: [["08:00", "12:00"], ["14:00", "18:00"]] };
    expect(addOpeningHours(parisTime(2026, 11, 23, 11, 0), 2, split).toISOString()).toBe(parisTime(2026, 11, 23, 15, 0).toISOString());
  });

  test("a territory open around the clock counts calendar hours", () => {
    const always: OpeningHours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]]));
    expect(addOpeningHours(parisTime(2026, 11, 27, 22, 0), 48, always).toISOString()).toBe(parisTime(2026, 11, 29, 22, 0).toISOString());
  });

  test("with no opening hours at all, calendar hours are used rather than never", () => {
    expect(addOpeningHours(new Date("2026-11-23T10:00:00Z"), 4, {}).toISOString()).toBe("2026-11-23T14:00:00.000Z");
  });
});
