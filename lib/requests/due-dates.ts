// Service-level due dates, counted in the territory's opening hours (Europe/Paris wall clock):
// a crisis request filed on Friday at 19:00 with a 4-hour triage target, in a territory open
// Mon–Fri 8 h–20 h and Sat 9 h–13 h, is due on Saturday at 12:00.
import { WEEKDAYS } from "@/lib/geography/schemas";
import type { OpeningHours } from "@/lib/territories/opening-hours";
import { parisTime, wallClock } from "@/lib/time";

const MINUTE = 60_000;

function minutesOf(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

export function addOpeningHours(start: Date, hours: number, openingHours: OpeningHours): Date {
  let remaining = Math.round(hours * 60);
  const cursor = start.getTime();
  const hasHours = WEEKDAYS.some((day) => (openingHours[day] ?? []).length > 0);
  if (remaining <= 0 || !hasHours) return new Date(cursor + remaining * MINUTE);

  const local = wallClock(cursor);
  // Walk the calendar day by day from the start's local date (a year at most: always ends
  // because at least one day has hours).
  for (let offset = 0; offset < 370; offset++) {
    const day = new Date(Date.UTC(local.y, local.m - 1, local.d + offset));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!; // getUTCDay: 0 = Sunday
    for (const [from, to] of openingHours[weekday] ?? []) {
      const fromMinutes = minutesOf(from);
      const slotStart = parisTime(y, m, d, Math.floor(fromMinutes / 60), fromMinutes % 60).getTime();
      const toMinutes = minutesOf(to);
      const slotEnd = toMinutes >= 24 * 60 ? parisTime(y, m, d + 1, 0, 0).getTime() : parisTime(y, m, d, Math.floor(toMinutes / 60), toMinutes % 60).getTime();
      const from_ = Math.max(slotStart, cursor);
      if (from_ >= slotEnd) continue;
      const available = Math.floor((slotEnd - from_) / MINUTE);
      if (remaining <= available) return new Date(from_ + remaining * MINUTE);
      remaining -= available;
    }
  }
  throw new Error("addOpeningHours: no opening hours within a year");
}
