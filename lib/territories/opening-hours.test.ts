import { describe, expect, test } from "vitest";
import { formatOpeningHours } from "@/lib/territories/opening-hours";

describe("formatOpeningHours", () => {
  test("groups consecutive days that share the same hours", () => {
    const weekday: [string, string][] = [["08:00", "20:00"]];
    expect(formatOpeningHours({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [["09:00", "13:00"]], sun: [] })).toBe(
      "lun.–ven. 8 h–20 h ; sam. 9 h–13 h",
    );
  });

  test("does not group days separated by a closed day", () => {
    const slot: [string, string][] = [["09:00", "17:00"]];
    expect(formatOpeningHours({ mon: slot, wed: slot })).toBe("lun. 9 h–17 h ; mer. 9 h–17 h");
  });

  test("lists split days with each slot", () => {
    expect(
      formatOpeningHours({
        mon: [
          ["08:00", "12:00"],
          ["13:30", "18:00"],
        ],
      }),
    ).toBe("lun. 8 h–12 h, 13 h 30–18 h");
  });

  test("says closed when there are no hours", () => {
    expect(formatOpeningHours({})).toBe("Fermé");
  });
});
