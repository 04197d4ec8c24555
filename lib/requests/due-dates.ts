// Service-level due dates (Europe/Paris wall clock). A planned request counts in the territory's
// opening hours, public holidays excepted: filed on Friday at 19:00 with a 4-hour target, in a
// territory open Mon–Fri 8 h–20 h and Sat 9 h–13 h, it is due on Saturday at 12:00 — on the next
// Monday if that Saturday is 14 July. A crisis counts on the territory's crisis clock
// (promisedDueDates, below), holidays included.
import { WEEKDAYS } from "@/lib/geography/schemas";
import { dayKey, isPublicHoliday } from "@/lib/territories/holidays";
import type { OpeningHours } from "@/lib/territories/opening-hours";
import type { ServiceLevels } from "@/lib/territories/service-levels";
import { parisTime, wallClock } from "@/lib/time";

const MINUTE = 60_000;

function minutesOf(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** A Paris calendar day on which the hours do not run (a public holiday, a closure). */
export type ClosedDay = (y: number, m: number, d: number) => boolean;

export function addOpeningHours(start: Date, hours: number, openingHours: OpeningHours, closed: ClosedDay = () => false): Date {
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
    if (closed(y, m, d)) continue;
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

/** What a due date is counted in (the `DueClock` enum of the schema). */
export type DueClock = "OPENING_HOURS" | "CALENDAR" | "ON_CALL";

/**
 * What the due dates of a request depend on: the territory's hours, service levels, département
 * (its holidays) and the days its team closed besides them (« 2026-12-24 »; absent = none).
 */
export type PromiseTerms = { openingHours: OpeningHours; serviceLevels: ServiceLevels; departmentCode: string; closures?: readonly { day: string }[] };

export type PromisedDueDates = { clock: DueClock; triageHours: number; contactHours: number; triageDueAt: Date; contactDueAt: Date };

/**
 * The territory's promise for a request filed at `now`, the same on the GP's form (before sending)
 * and when it is filed: a planned request counts in opening hours; a crisis on the territory's
 * crisis clock — every hour (CALENDAR) or its on-call hours (ON_CALL, public holidays included),
 * never the opening hours, so that a crisis filed on Friday evening is not left until Monday.
 */
export function promisedDueDates(terms: PromiseTerms, urgency: "CRISIS" | "PLANNED", now: Date): PromisedDueDates {
  const sl = terms.serviceLevels;
  if (urgency === "PLANNED") {
    const closed = new Set((terms.closures ?? []).map((c) => c.day));
    const holiday: ClosedDay = (y, m, d) => isPublicHoliday(y, m, d, terms.departmentCode) || closed.has(dayKey(y, m, d));
    return {
      clock: "OPENING_HOURS",
      triageHours: sl.triageHoursPlanned,
      contactHours: sl.firstContactHoursPlanned,
      triageDueAt: addOpeningHours(now, sl.triageHoursPlanned, terms.openingHours, holiday),
      contactDueAt: addOpeningHours(now, sl.firstContactHoursPlanned, terms.openingHours, holiday),
    };
  }
  // An on-call clock without hours (never valid, see ZServiceLevels) falls back to every hour.
  const onCall = sl.crisisClock === "ON_CALL" && sl.onCallHours ? sl.onCallHours : null;
  const add = (hours: number) => (onCall ? addOpeningHours(now, hours, onCall) : new Date(now.getTime() + hours * 60 * MINUTE));
  return {
    clock: onCall ? "ON_CALL" : "CALENDAR",
    triageHours: sl.triageHoursCrisis,
    contactHours: sl.firstContactHoursCrisis,
    triageDueAt: add(sl.triageHoursCrisis),
    contactDueAt: add(sl.firstContactHoursCrisis),
  };
}
