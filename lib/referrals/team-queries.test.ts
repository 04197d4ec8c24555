import { describe, expect, test } from "vitest";
import { ageInYears, parisDay, timeAgo } from "@/lib/referrals/team-queries";
import { firstContactDateError } from "@/lib/referrals/record-first-contact";
import { parisTime } from "@/lib/requests/due-dates";

describe("parisDay", () => {
  test("is the calendar day in Paris, not in UTC", () => {
    // 23:30 UTC on 31/12 is already 1 January in Paris (UTC+1 in winter).
    expect(parisDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // 22:30 UTC on 30/06 is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(parisDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(parisDay(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
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

describe("timeAgo", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  test.each([
    [0, "à l'instant"],
    [5, "il y a 5 min"],
    [59, "il y a 59 min"],
    [60, "il y a 1 h"],
    [23 * 60 + 59, "il y a 23 h"],
    [24 * 60, "il y a 1 jour"],
    [3 * 24 * 60 + 5, "il y a 3 jours"],
  ])("%i minutes → %s", (minutes, expected) => {
    expect(timeAgo(before(minutes), now)).toBe(expected);
  });

  test("a date slightly in the future (clock skew) reads as just now", () => {
    expect(timeAgo(new Date(now.getTime() + 30_000), now)).toBe("à l'instant");
  });
});

describe("firstContactDateError", () => {
  const proposedAt = parisTime(2026, 11, 20, 17, 0);
  const now = parisTime(2026, 11, 27, 9, 0);
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

  test("today, the day of the proposal and any day between are accepted", () => {
    expect(firstContactDateError(day("2026-11-27"), { proposedAt, now })).toBeNull();
    expect(firstContactDateError(day("2026-11-20"), { proposedAt, now })).toBeNull();
    expect(firstContactDateError(day("2026-11-23"), { proposedAt, now })).toBeNull();
  });

  test("tomorrow is refused: a first contact cannot be in the future", () => {
    expect(firstContactDateError(day("2026-11-28"), { proposedAt, now })).toBe("La date du premier contact ne peut pas être dans le futur.");
  });

  test("a day before the proposal is refused, with the proposal's date", () => {
    expect(firstContactDateError(day("2026-11-19"), { proposedAt, now })).toBe("La date du premier contact ne peut pas précéder l'orientation (20/11/2026).");
  });

  test("just after midnight in Paris, today is already the new day", () => {
    const lateNight = new Date("2026-11-27T23:30:00Z"); // 28/11 00:30 in Paris
    expect(firstContactDateError(day("2026-11-28"), { proposedAt, now: lateNight })).toBeNull();
  });
});
