import { describe, expect, test } from "vitest";
import { formatOpeningHours } from "@/lib/territories/opening-hours";

describe("formatOpeningHours", () => {
  test("groups consecutive days that share the same hours", () => {
    const weekday: [string, string][] = [["08:00", "20:00"]];
    expect(
      formatOpeningHours({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [["09:00", "13:00"]], sun: [] }),
    ).toBe("lun.–ven. 08 h 00–20 h 00 ; sam. 09 h 00–13 h 00");
  });

  test("does not group days separated by a closed day", () => {
    const slot: [string, string][] = [["09:00", "17:00"]];
    expect(formatOpeningHours({ mon: slot, wed: slot })).toBe("lun. 09 h 00–17 h 00 ; mer. 09 h 00–17 h 00");
  });

  test("lists split days with each slot", () => {
    expect(formatOpeningHours({ mon: [["08:00", "12:00"], ["14:00", "18:00"]] })).toBe("lun. 08 h 00–12 h 00, 14 h 00–18 h 00");
  });

  test("says closed when there are no hours", () => {
    expect(formatOpeningHours({})).toBe("Fermé");
  });
});
