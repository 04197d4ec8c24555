import { describe, expect, test } from "vitest";
import { addOpeningHours, promisedDueDates } from "@/lib/requests/due-dates";
import { parisTime } from "@/lib/time";
import { longestRealHours, ZServiceLevels } from "@/lib/geography/schemas";
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
    const split: OpeningHours = {
      mon: [
        ["08:00", "12:00"],
        ["14:00", "18:00"],
      ],
    };
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

// The GPs' promise for a crisis: an answer within 48 real hours, whatever the day. Opening hours
// (Mon–Fri 8–20, Sat 9–13) made a Friday-evening crisis wait for the next week.
describe("promisedDueDates", () => {
  const levels = { triageHoursCrisis: 2, triageHoursPlanned: 24, firstContactHoursCrisis: 24, firstContactHoursPlanned: 120 };
  const daily: [string, string][] = [["08:00", "20:00"]];
  const EVERY_DAY: OpeningHours = { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily };
  const calendar = { openingHours: HOURS, departmentCode: "55", serviceLevels: { ...levels, crisisClock: "CALENDAR" as const, onCallHours: null } };
  const onCall = {
    openingHours: HOURS,
    departmentCode: "55",
    serviceLevels: { ...levels, triageHoursCrisis: 4, crisisClock: "ON_CALL" as const, onCallHours: EVERY_DAY },
  };
  const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

  test("a crisis filed on Friday at 19:00 on a calendar clock: triaged by 21:00, contacted by Saturday 19:00", () => {
    const filed = parisTime(2026, 11, 27, 19, 0);
    const p = promisedDueDates(calendar, "CRISIS", filed);
    expect(p).toMatchObject({ clock: "CALENDAR", triageHours: 2, contactHours: 24 });
    expect(p.triageDueAt.toISOString()).toBe(parisTime(2026, 11, 27, 21, 0).toISOString());
    expect(p.contactDueAt.toISOString()).toBe(parisTime(2026, 11, 28, 19, 0).toISOString());
  });

  test("a crisis filed on Friday at 19:00 on an on-call clock (every day 8–20): triaged Saturday 11:00, contacted Sunday 19:00, 48 real hours at most", () => {
    const filed = parisTime(2026, 11, 27, 19, 0);
    const p = promisedDueDates(onCall, "CRISIS", filed);
    expect(p.clock).toBe("ON_CALL");
    expect(p.triageDueAt.toISOString()).toBe(parisTime(2026, 11, 28, 11, 0).toISOString());
    expect(p.contactDueAt.toISOString()).toBe(parisTime(2026, 11, 29, 19, 0).toISOString());
    expect(hoursBetween(filed, p.contactDueAt)).toBeLessThanOrEqual(48);
  });

  // Thursday 24 December 2026, 19:00: Christmas is a Friday. A crisis clock runs on public holidays.
  test("a crisis filed on the eve of a public holiday is not put off by it, on either clock", () => {
    const eve = parisTime(2026, 12, 24, 19, 0);
    const c = promisedDueDates(calendar, "CRISIS", eve);
    expect(c.contactDueAt.toISOString()).toBe(parisTime(2026, 12, 25, 19, 0).toISOString());
    const o = promisedDueDates(onCall, "CRISIS", eve);
    expect(o.triageDueAt.toISOString()).toBe(parisTime(2026, 12, 25, 11, 0).toISOString());
    expect(o.contactDueAt.toISOString()).toBe(parisTime(2026, 12, 26, 19, 0).toISOString());
    // The eve of 14 July (a Tuesday in 2026), after the on-call has ended.
    const bastille = promisedDueDates(onCall, "CRISIS", parisTime(2026, 7, 13, 21, 30));
    expect(bastille.contactDueAt.toISOString()).toBe(parisTime(2026, 7, 15, 20, 0).toISOString());
  });

  test("a planned request still counts in opening hours", () => {
    const p = promisedDueDates(calendar, "PLANNED", parisTime(2026, 11, 27, 19, 0));
    expect(p.clock).toBe("OPENING_HOURS");
    expect(p.triageDueAt.toISOString()).toBe(addOpeningHours(parisTime(2026, 11, 27, 19, 0), 24, HOURS).toISOString());
  });

  // Meuse's hours (Mon–Fri 8–20, Sat 9–13): a planned request's delays stop on public holidays.
  test("a planned request's delays skip 1 May, 14 July and Easter Monday", () => {
    const planned = (filed: Date, hours: number) =>
      promisedDueDates(
        { ...calendar, serviceLevels: { ...levels, triageHoursPlanned: hours, crisisClock: "CALENDAR", onCallHours: null } },
        "PLANNED",
        filed,
      ).triageDueAt.toISOString();
    // Thursday 30 April 2026, 19:00, 4 opening hours: 1 h on Thursday, Friday 1 May is off, 3 h on Saturday 2 May.
    expect(planned(parisTime(2026, 4, 30, 19, 0), 4)).toBe(parisTime(2026, 5, 2, 12, 0).toISOString());
    // Monday 13 July 2026, 19:00, 2 hours: Tuesday 14 July is off, Wednesday 9:00.
    expect(planned(parisTime(2026, 7, 13, 19, 0), 2)).toBe(parisTime(2026, 7, 15, 9, 0).toISOString());
    // Saturday 4 April 2026, 12:00, 3 hours (Easter Monday is 6 April 2026): 1 h on Saturday, Tuesday 10:00.
    expect(planned(parisTime(2026, 4, 4, 12, 0), 3)).toBe(parisTime(2026, 4, 7, 10, 0).toISOString());
  });

  test("Alsace-Moselle's two extra holidays hold only there", () => {
    const goodFriday = parisTime(2026, 4, 2, 19, 0); // Thursday before Good Friday, 3 April 2026
    const dueIn = (departmentCode: string) =>
      promisedDueDates(
        { ...calendar, departmentCode, serviceLevels: { ...levels, triageHoursPlanned: 2, crisisClock: "CALENDAR", onCallHours: null } },
        "PLANNED",
        goodFriday,
      ).triageDueAt.toISOString();
    expect(dueIn("55")).toBe(parisTime(2026, 4, 3, 9, 0).toISOString());
    expect(dueIn("57")).toBe(parisTime(2026, 4, 4, 10, 0).toISOString());
  });

  test("every on-call start, over a whole week, keeps the first contact within 48 real hours", () => {
    for (let minutes = 0; minutes < 7 * 24 * 60; minutes += 30) {
      const filed = new Date(parisTime(2026, 11, 23, 0, 0).getTime() + minutes * 60_000);
      expect(hoursBetween(filed, promisedDueDates(onCall, "CRISIS", filed).contactDueAt), filed.toISOString()).toBeLessThanOrEqual(48);
    }
  });
});

describe("longestRealHours (the check ZServiceLevels makes of an on-call clock)", () => {
  const daily: [string, string][] = [["08:00", "20:00"]];
  const EVERY_DAY = { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily };
  test("24 hours of a 12-hour daily on-call take 48 real hours at worst; the territory's opening hours would take far more", () => {
    expect(longestRealHours(EVERY_DAY, 24)).toBe(48);
    expect(longestRealHours({ ...EVERY_DAY, sat: [["09:00", "13:00"]], sun: [] }, 24)).toBeGreaterThan(48);
  });
  test("a crisis clock that cannot keep 48 real hours is refused, in French, at the on-call hours", () => {
    const levels = { triageHoursCrisis: 4, triageHoursPlanned: 24, firstContactHoursCrisis: 24, firstContactHoursPlanned: 120 };
    const weekdays = { ...EVERY_DAY, sat: [], sun: [] };
    expect(ZServiceLevels.safeParse({ ...levels, crisisClock: "ON_CALL", onCallHours: EVERY_DAY }).success).toBe(true);
    expect(
      ZServiceLevels.safeParse({ ...levels, crisisClock: "ON_CALL", onCallHours: weekdays }).error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([["onCallHours", expect.stringMatching(/^Avec ces heures d'astreinte, 24 h d'astreinte peuvent prendre \d+ h réelles/)]]);
    expect(
      ZServiceLevels.safeParse({ ...levels, crisisClock: "CALENDAR", firstContactHoursCrisis: 72, firstContactHoursPlanned: 120 }).error?.issues[0],
    ).toMatchObject({
      path: ["firstContactHoursCrisis"],
      message: "Situation de crise : le premier contact doit avoir lieu sous 48 h au plus, jour et nuit.",
    });
  });
});
