// The dashboards' search parameters, in French as the user sees them in the address bar:
//   ?niveau=departement&code=55&annee=2025        a département over a calendar year
//   ?niveau=territoire&code=<id>&du=2025-01-01&au=2025-06-30   a territory over chosen days
// Parsed with zod; anything invalid falls back to the default (the actor's top area, this year)
// with a message, never an error page.
import { z } from "zod";
import type { Area, Level, Period } from "@/lib/dashboards/types";
import { addDays, parisDayStart, parisTime, parisYear } from "@/lib/time";

export const LEVEL_PARAM: Record<Level, string> = { country: "france", region: "region", department: "departement", territory: "territoire" };
const PARAM_LEVEL = Object.fromEntries(Object.entries(LEVEL_PARAM).map(([level, param]) => [param, level])) as Record<string, Level>;

export const FIRST_YEAR = 2020;

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const ZParams = z.object({
  niveau: z.preprocess(
    one,
    z
      .enum(Object.values(LEVEL_PARAM) as [string, ...string[]])
      .optional()
      .catch(undefined),
  ),
  code: z.preprocess(
    one,
    z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\w-]+$/)
      .optional()
      .catch(undefined),
  ),
  annee: z.preprocess(one, z.coerce.number().int().min(FIRST_YEAR).max(2100).optional().catch(undefined)),
  du: z.preprocess(one, ZDay.optional().catch(undefined)),
  au: z.preprocess(one, ZDay.optional().catch(undefined)),
});

// What the page asked for, in the URL's terms (kept to rebuild links and the selector's state).
export type PeriodChoice = { kind: "year"; year: number } | { kind: "custom"; from: string; to: string }; // to: inclusive day

export type DashboardQuery = {
  area: { level: Level; code: string } | null; // null: the actor's top area
  choice: PeriodChoice;
  period: Period;
  problem: string | null; // a French message when the period given was refused
};

export function periodOf(choice: PeriodChoice): Period {
  return choice.kind === "year"
    ? { from: parisTime(choice.year, 1, 1, 0, 0), to: parisTime(choice.year + 1, 1, 1, 0, 0) }
    : { from: parisDayStart(choice.from), to: parisDayStart(addDays(choice.to, 1)) };
}

export function parseDashboardQuery(searchParams: Record<string, string | string[] | undefined>, now = new Date()): DashboardQuery {
  const p = ZParams.parse(searchParams);
  const level = p.niveau ? PARAM_LEVEL[p.niveau] : undefined;
  const area = level && p.code ? { level, code: p.code } : null;
  const thisYear = parisYear(now);
  let problem: string | null = null;
  let choice: PeriodChoice = { kind: "year", year: Math.min(p.annee ?? thisYear, thisYear) };
  if (p.du || p.au) {
    if (p.du && p.au && p.du <= p.au && Number(p.du.slice(0, 4)) >= FIRST_YEAR) {
      choice = { kind: "custom", from: p.du, to: p.au };
    } else {
      problem = !p.du || !p.au ? "Indiquez les deux dates de la période (du … au …)." : "La date de début doit précéder la date de fin.";
    }
  }
  return { area, choice, period: periodOf(choice), problem };
}

// The query string of a dashboard view (area + period), for links and exports.
export function dashboardSearch(area: Pick<Area, "level" | "code"> | null, choice: PeriodChoice, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (area) {
    params.set("niveau", LEVEL_PARAM[area.level]);
    params.set("code", area.code);
  }
  if (choice.kind === "year") params.set("annee", String(choice.year));
  else {
    params.set("du", choice.from);
    params.set("au", choice.to);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `?${params.toString()}`;
}

export function yearOptions(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = parisYear(now); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}
