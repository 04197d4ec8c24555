// Calendar months in Europe/Paris: the cube counts requests per month of submission; a period is
// read from whole months in the cube plus, at its edges, the part-months it cuts (from the facts).
import { AppError } from "@/lib/errors";
import { parisTime, wallClock } from "@/lib/time";
import type { Period } from "@/lib/dashboards/types";

const paris = wallClock;

// Start of the Paris month that contains `date`.
export function monthStart(date: Date): Date {
  const p = paris(date);
  return parisTime(p.y, p.m, 1, 0, 0);
}

export function addMonths(start: Date, months: number): Date {
  const p = paris(start);
  return parisTime(p.y, p.m + months, 1, 0, 0);
}

export function isMonthStart(date: Date): boolean {
  return monthStart(date).getTime() === date.getTime();
}

// "2026-01": the month key of the cube and of Dashboard.byMonth.
export function monthKey(date: Date): string {
  const p = paris(date);
  return `${p.y}-${String(p.m).padStart(2, "0")}`;
}

// The cube's date key of a month (its first day), as the database stores it.
export function monthDate(start: Date): string {
  return `${monthKey(start)}-01`;
}

// Every month the period touches, in order.
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = monthStart(period.from); m < period.to; m = addMonths(m, 1)) months.push(monthKey(m));
  return months;
}

export type PeriodSplit = {
  // Whole months read from the cube: [fromMonth, toMonth) as first days ("2026-01-01"); null when none.
  months: { from: string; to: string } | null;
  // Part-months at the edges, read from the facts: [from, to) instants.
  edges: Period[];
};

export function splitPeriod(period: Period): PeriodSplit {
  const firstFull = isMonthStart(period.from) ? period.from : addMonths(monthStart(period.from), 1);
  const lastFullEnd = monthStart(period.to);
  if (firstFull >= lastFullEnd) return { months: null, edges: [period] };
  const edges: Period[] = [];
  if (period.from < firstFull) edges.push({ from: period.from, to: firstFull });
  if (lastFullEnd < period.to) edges.push({ from: lastFullEnd, to: period.to });
  return { months: { from: monthDate(firstFull), to: monthDate(lastFullEnd) }, edges };
}

// From 2000 to 2100, at least one day, at most 30 years: anything else is a mistake in the call.
export function assertPeriod(period: Period): void {
  const { from, to } = period;
  const valid =
    from instanceof Date &&
    to instanceof Date &&
    !Number.isNaN(from.getTime()) &&
    !Number.isNaN(to.getTime()) &&
    from < to &&
    from.getUTCFullYear() >= 2000 &&
    to.getUTCFullYear() <= 2100 &&
    to.getTime() - from.getTime() <= 30 * 366 * 86_400_000;
  if (!valid) throw new AppError("INVALID_INPUT", "Période invalide.", { period: ["Choisissez une période d'au moins un jour, de 2000 à 2100."] });
}
