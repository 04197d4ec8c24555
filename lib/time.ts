// The one Paris clock. Every wall-clock reading, calendar day, calendar arithmetic and date shown
// to a user goes through here, whatever the server's time zone: French teams work on Paris days,
// and a request filed at 00:30 in Paris (23:30 UTC) belongs to the Paris day it was filed on.

export const TIME_ZONE = "Europe/Paris";

export type WallClock = { y: number; m: number; d: number; hh: number; mm: number; ss: number };

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** What Paris clocks show at that instant. */
export function wallClock(instant: Date | number): WallClock {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), hh: Number(p.hour), mm: Number(p.minute), ss: Number(p.second) };
}

// Offset of Paris from UTC at that instant, in ms (+1 h in winter, +2 h in summer).
function offsetAt(instant: number): number {
  const w = wallClock(instant);
  return Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss) - Math.floor(instant / 1000) * 1000;
}

/** The instant at which Paris clocks show that wall-clock time (months and days may overflow). */
export function parisTime(y: number, m: number, d: number, hh = 0, mm = 0): Date {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetAt(guess);
  const second = guess - offsetAt(first);
  return new Date(second);
}

const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** "2026-11-12": the Paris calendar day of that instant, as a date input wants it. */
export function parisIsoDay(date: Date = new Date()): string {
  return isoDayFormat.format(date);
}

/** The Paris calendar year of that instant. */
export function parisYear(date: Date = new Date()): number {
  return wallClock(date).y;
}

/** "2026-11-12" plus `days` calendar days ("2026-11-13" for 1), on the calendar, not in hours. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Midnight in Paris at the start of that calendar day ("2026-11-12"). */
export function parisDayStart(isoDay: string): Date {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  return parisTime(y, m, d, 0, 0);
}

// Dates as the field reads them: dd/mm/yyyy, Europe/Paris.
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });

/** "14/07/2026 à 10:05". */
export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value).replace(" ", " à ");
}

/** "14/07/2026". */
export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

/**
 * A calendar day — « 2026-07-14 » as a form sends it, or a PostgreSQL date (midnight UTC) — as
 * "14/07/2026", read at midday so that no time zone moves it to the day before.
 */
export function formatCalendarDay(day: string | Date): string {
  return formatDate(typeof day === "string" ? new Date(`${day}T12:00:00Z`) : new Date(day.getTime() + 12 * 3_600_000));
}

const dayDateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "samedi 28/11/2026 à 19:00": a promised date says its day (a Friday-evening crisis is due on a Saturday). */
export function formatDayDateTime(value: Date): string {
  const parts = Object.fromEntries(dayDateTimeFormat.formatToParts(value).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

/**
 * Whole years on `now`'s Paris calendar day. `birthDate` is a calendar date (a DATE column,
 * midnight UTC): someone born on 29 February is a year older on 1 March of a common year.
 */
export function ageInYears(birthDate: Date, now: Date): number {
  const { y, m, d } = wallClock(now);
  const by = birthDate.getUTCFullYear();
  const bm = birthDate.getUTCMonth() + 1;
  const bd = birthDate.getUTCDate();
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// "2026-11-12" (date input) or "12/11/2026" (what people type, the CSV) → noon UTC that day, so
// that the Paris calendar day is the same whatever the time zone.
export function parseDay(value: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date : null;
}
