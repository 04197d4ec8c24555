// Opening hours as people type them, for the structure form (one field per day) and the CSV
// (one column): "08:30-12:00, 13:30-17:30" for a day; "lun-ven 08:30-17:30; sam 09:00-12:00" for a
// week. Parsed into the stored shape (lib/geography/schemas.ts ZOpeningHours), and formatted back
// so that export → import gives the same hours. Pure and client-safe: the forms of structures
// (opening hours) and of territories (opening and on-call hours) share the per-day fields below.
import { z } from "zod";
import { WEEKDAYS, WEEKDAY_LABELS, type TOpeningHours, type TWeekday } from "@/lib/geography/schemas";

export type DayRanges = [string, string][];
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

// Short French day names, in the order of the week: "lun", "mar", ... (accents optional on input).
export const DAY_SHORT: Record<TWeekday, string> = { mon: "lun", tue: "mar", wed: "mer", thu: "jeu", fri: "ven", sat: "sam", sun: "dim" };

const DAY_BY_SHORT = new Map<string, TWeekday>(
  WEEKDAYS.flatMap((d) => [[DAY_SHORT[d], d] as [string, TWeekday], [WEEKDAY_LABELS[d], d] as [string, TWeekday]]),
);

// "8:30", "08h30", "8h", "08.30" → "08:30"; "24:00" allowed as the end of a day.
function normalizeTime(raw: string): string | null {
  const m = /^(\d{1,2})(?:[:h.](\d{2})?)?$/.exec(raw.trim().toLowerCase());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? "0");
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One day: "" → closed ([]); "08:30-12:00, 13:30-17:30" → two ranges, in order, not overlapping. */
export function parseDayRanges(text: string, dayLabel: string): Result<DayRanges> {
  const trimmed = text.trim();
  if (trimmed === "" || /^ferm[ée]$/i.test(trimmed)) return { ok: true, value: [] };
  const ranges: DayRanges = [];
  for (const part of trimmed.split(/\s*[,/+]\s*|\s+et\s+/)) {
    const m = /^(.+?)\s*[-–—à]\s*(.+)$/.exec(part.trim());
    const start = m ? normalizeTime(m[1] ?? "") : null;
    const end = m ? normalizeTime(m[2] ?? "") : null;
    if (!start || !end) return { ok: false, error: `${dayLabel} : « ${part.trim()} » n'est pas une plage horaire (format attendu 08:30-12:00, 13:30-17:30).` };
    if (start === "24:00" || minutes(start) >= minutes(end)) return { ok: false, error: `${dayLabel} : la fin (${end}) doit être après le début (${start}).` };
    const previous = ranges.at(-1);
    if (previous && minutes(start) < minutes(previous[1])) {
      return {
        ok: false,
        error: `${dayLabel} : les plages doivent être dans l'ordre et ne pas se chevaucher (${previous[0]}-${previous[1]} puis ${start}-${end}).`,
      };
    }
    ranges.push([start, end]);
  }
  return { ok: true, value: ranges };
}

export function formatDayRanges(ranges: readonly (readonly [string, string])[] | undefined): string {
  return (ranges ?? []).map(([from, to]) => `${from}-${to}`).join(", ");
}

/** A week, all days closed → null (hours not given). */
export function weekOrNull(days: Record<TWeekday, DayRanges>): TOpeningHours | null {
  return WEEKDAYS.some((d) => days[d].length > 0) ? days : null;
}

/**
 * A week in one line: "lun-ven 08:30-12:00, 13:30-17:30; sam 09:00-12:00". Days not named are
 * closed; "" → null. Day names: lun mar mer jeu ven sam dim (or in full), ranges "lun-ven".
 */
export function parseWeekText(text: string): Result<TOpeningHours | null> {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as DayRanges])) as Record<TWeekday, DayRanges>;
  const seen = new Set<TWeekday>();
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  for (const group of trimmed.split(/\s*;\s*/).filter(Boolean)) {
    const m = /^([a-zéèûô.]+)(?:\s*-\s*([a-zéèûô.]+))?\s+(.+)$/i.exec(group);
    const first = m ? DAY_BY_SHORT.get(normalizeDay(m[1] ?? "")) : undefined;
    const last = m?.[2] ? DAY_BY_SHORT.get(normalizeDay(m[2])) : first;
    if (!m || !first || !last)
      return { ok: false, error: `« ${group} » : jour attendu en tête (lun, mar, mer, jeu, ven, sam, dim ; ex. « lun-ven 08:30-17:30 »).` };
    const from = WEEKDAYS.indexOf(first);
    const to = WEEKDAYS.indexOf(last);
    if (to < from) return { ok: false, error: `« ${group} » : les jours vont du lundi au dimanche (ex. « lun-ven »).` };
    const ranges = parseDayRanges(m[3] ?? "", group.split(/\s+/)[0] ?? group);
    if (!ranges.ok) return ranges;
    for (const day of WEEKDAYS.slice(from, to + 1)) {
      if (seen.has(day)) return { ok: false, error: `Le ${WEEKDAY_LABELS[day]} est indiqué deux fois.` };
      seen.add(day);
      days[day] = ranges.value;
    }
  }
  return { ok: true, value: weekOrNull(days) };
}

function normalizeDay(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\.$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** The inverse of parseWeekText: consecutive days with the same hours grouped ("lun-ven ..."). */
export function formatWeekText(hours: Partial<Record<TWeekday, readonly (readonly [string, string])[]>> | null | undefined): string {
  if (!hours) return "";
  const groups: { from: TWeekday; to: TWeekday; text: string }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const text = formatDayRanges(hours[day]);
    if (text === "") return;
    const last = groups.at(-1);
    if (last && last.text === text && last.to === WEEKDAYS[index - 1]) last.to = day;
    else groups.push({ from: day, to: day, text });
  });
  return groups.map((g) => `${g.from === g.to ? DAY_SHORT[g.from] : `${DAY_SHORT[g.from]}-${DAY_SHORT[g.to]}`} ${g.text}`).join("; ");
}

// ——— In a form: one text field per day, named `${prefix}_mon` … `${prefix}_sun` ———
// Each day's mistakes are shown at its own field.
const dayTextField = (day: TWeekday) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z.string().transform((text, ctx) => {
      const parsed = parseDayRanges(text, capitalize(WEEKDAY_LABELS[day]));
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.value;
    }),
  );

type DayTextField = ReturnType<typeof dayTextField>;

/** The seven fields of a week (to spread into a form's z.object). */
export function weekTextFields<P extends string>(prefix: P): Record<`${P}_${TWeekday}`, DayTextField> {
  return Object.fromEntries(WEEKDAYS.map((day) => [`${prefix}_${day}`, dayTextField(day)])) as Record<`${P}_${TWeekday}`, DayTextField>;
}

/** The parsed form split into its week (the seven days) and the rest of its fields. */
export function takeWeek<P extends string, T extends Record<string, unknown>>(
  prefix: P,
  value: T,
): { rest: Omit<T, `${P}_${TWeekday}`>; days: Record<TWeekday, DayRanges> } {
  const keys = new Set<string>(WEEKDAYS.map((d) => `${prefix}_${d}`));
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, (value[`${prefix}_${d}`] as DayRanges | undefined) ?? []])) as Record<TWeekday, DayRanges>;
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !keys.has(k))) as Omit<T, `${P}_${TWeekday}`>;
  return { rest, days };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
