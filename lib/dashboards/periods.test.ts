import { describe, expect, test } from "vitest";
import { parisTime } from "@/lib/time";
import { monthsOf, splitPeriod } from "@/lib/dashboards/periods";

describe("splitPeriod", () => {
  test("a calendar year is twelve whole months, read from the cube", () => {
    expect(splitPeriod({ from: parisTime(2025, 1, 1, 0, 0), to: parisTime(2026, 1, 1, 0, 0) })).toEqual({
      months: { from: "2025-01-01", to: "2026-01-01" },
      edges: [],
    });
  });

  test("days cut into months: whole months from the cube, the edges from the facts", () => {
    const from = parisTime(2025, 3, 15, 0, 0);
    const to = parisTime(2025, 6, 10, 0, 0);
    expect(splitPeriod({ from, to })).toEqual({
      months: { from: "2025-04-01", to: "2025-06-01" },
      edges: [
        { from, to: parisTime(2025, 4, 1, 0, 0) },
        { from: parisTime(2025, 6, 1, 0, 0), to },
      ],
    });
  });

  test("a few days inside one month: no whole month", () => {
    const period = { from: parisTime(2025, 3, 2, 0, 0), to: parisTime(2025, 3, 9, 0, 0) };
    expect(splitPeriod(period)).toEqual({ months: null, edges: [period] });
  });

  test("months are Paris months, across daylight saving time", () => {
    expect(monthsOf({ from: parisTime(2025, 10, 1, 0, 0), to: parisTime(2025, 11, 1, 0, 0) })).toEqual(["2025-10"]);
    expect(monthsOf({ from: parisTime(2025, 3, 20, 0, 0), to: parisTime(2025, 5, 2, 0, 0) })).toEqual(["2025-03", "2025-04", "2025-05"]);
  });
});
