import { describe, expect, test } from "vitest";
import { timeAgo } from "@/lib/referrals/team-queries";
import { firstContactDateError } from "@/lib/referrals/record-first-contact";
import { parisTime } from "@/lib/time";

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
