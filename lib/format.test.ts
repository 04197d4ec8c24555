import { expect, test } from "vitest";
import { formatDate, formatDateTime } from "@/lib/format";

test("dates are shown dd/mm/yyyy in Paris time, whatever the server's zone", () => {
  // 23:30 UTC on 31 Dec is already 1 January in Paris (UTC+1 in winter).
  expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
  expect(formatDateTime(new Date("2026-07-14T08:05:00Z"))).toBe("14/07/2026 à 10:05");
});
