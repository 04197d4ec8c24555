import joursFeries from "@socialgouv/jours-feries";

// French public holidays (jours fériés), from a maintained package that computes them for any year
// (Easter and the days that follow it included), with the two extra days of Alsace-Moselle
// (Vendredi saint, Saint-Étienne) for the Bas-Rhin, the Haut-Rhin and the Moselle. A planned
// request's delays do not run on them (lib/requests/due-dates.ts); a crisis's do.

const ALSACE_MOSELLE = new Set(["57", "67", "68"]);

const cache = new Map<string, Map<string, string>>();

/** « 2026-05-01 » → « Fête du travail », for the year and the département. */
export function publicHolidays(year: number, departmentCode: string): Map<string, string> {
  const alsace = ALSACE_MOSELLE.has(departmentCode);
  const key = `${year}:${alsace}`;
  let days = cache.get(key);
  if (!days) {
    days = new Map();
    // The package builds each date at local midnight of the process's time zone: read it back
    // in the same zone, whatever the server's.
    for (const [name, date] of Object.entries(joursFeries(year, { alsace }))) days.set(dayKey(date.getFullYear(), date.getMonth() + 1, date.getDate()), name);
    cache.set(key, days);
  }
  return days;
}

export function dayKey(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whether the day (Paris calendar date) is a public holiday in the département. */
export function isPublicHoliday(y: number, m: number, d: number, departmentCode: string): boolean {
  return publicHolidays(y, departmentCode).has(dayKey(y, m, d));
}

/** The public holidays of the département from `fromDay` (« 2026-12-03 », included) for a year, in order. */
export function upcomingPublicHolidays(departmentCode: string, fromDay: string): { day: string; label: string }[] {
  const year = Number(fromDay.slice(0, 4));
  const until = `${year + 1}${fromDay.slice(4)}`;
  return [year, year + 1]
    .flatMap((y) => [...publicHolidays(y, departmentCode)].map(([day, label]) => ({ day, label })))
    .filter(({ day }) => day >= fromDay && day < until)
    .sort((a, b) => a.day.localeCompare(b.day));
}
