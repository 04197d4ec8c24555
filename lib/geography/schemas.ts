// Zod schemas for a territory's opening hours and service levels. Safe for the client: the admin
// forms reuse them, the demo data is validated with them. Messages are in French (shown per field).
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<TWeekday, string> = {
  mon: "lundi",
  tue: "mardi",
  wed: "mercredi",
  thu: "jeudi",
  fri: "vendredi",
  sat: "samedi",
  sun: "dimanche",
};

// "08:00"; "24:00" is accepted as the end of a day.
const ZTime = z
  .string({ error: "Heure manquante." })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: "Heure invalide : format attendu HH:MM (ex. 08:00)." });

const toMinutes = (time: string): number => {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const ZTimeRange = z.tuple([ZTime, ZTime], { error: "Plage horaire invalide : [début, fin] attendu." }).check((ctx) => {
  const [start, end] = ctx.value;
  if (toMinutes(start) >= toMinutes(end)) {
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      path: [1],
      message: `La fin (${end}) doit être après le début (${start}).`,
    });
  }
});

// One day: zero or more ranges, in order and not overlapping. [] = closed.
const dayHours = (day: TWeekday) =>
  z.array(ZTimeRange, { error: `Horaires du ${WEEKDAY_LABELS[day]} manquants ([] si fermé).` }).check((ctx) => {
    for (let i = 1; i < ctx.value.length; i++) {
      const previous = ctx.value[i - 1];
      const current = ctx.value[i];
      if (previous && current && toMinutes(current[0]) < toMinutes(previous[1])) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          path: [i],
          message: `Le ${WEEKDAY_LABELS[day]}, les plages horaires doivent être dans l'ordre et ne pas se chevaucher (${previous[0]}–${previous[1]} puis ${current[0]}–${current[1]}).`,
        });
      }
    }
  });

/** Weekly opening hours, Europe/Paris: { mon: [["08:00","20:00"]], ..., sun: [] }. */
export const ZOpeningHours = z
  .strictObject(
    {
      mon: dayHours("mon"),
      tue: dayHours("tue"),
      wed: dayHours("wed"),
      thu: dayHours("thu"),
      fri: dayHours("fri"),
      sat: dayHours("sat"),
      sun: dayHours("sun"),
    },
    { error: "Horaires d'ouverture invalides : un champ par jour (mon … sun) est attendu." },
  )
  .check((ctx) => {
    if (WEEKDAYS.every((day) => ctx.value[day].length === 0)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: [],
        message: "Le dispositif doit être ouvert au moins une demi-journée par semaine.",
      });
    }
  });
export type TOpeningHours = z.infer<typeof ZOpeningHours>;

// Minutes of the week, Monday 00:00 = 0, that a weekly schedule covers.
function weekSlots(week: TOpeningHours): [number, number][] {
  return WEEKDAYS.flatMap((day, i) => week[day].map(([from, to]): [number, number] => [i * 1440 + toMinutes(from), i * 1440 + toMinutes(to)]));
}

/**
 * The longest a clock that runs only in `week` (every week alike, public holidays included) takes,
 * in real hours, to count `hours` — from the worst moment to start it (just after a slot ends).
 */
export function longestRealHours(week: TOpeningHours, hours: number): number {
  const slots = weekSlots(week);
  if (slots.length === 0) return Number.POSITIVE_INFINITY;
  const WEEK = 7 * 1440;
  // Three weeks of slots cover any 72-hour target started in the first one.
  const timeline = [0, 1, 2, 3].flatMap((w) => slots.map(([a, b]): [number, number] => [a + w * WEEK, b + w * WEEK]));
  let worst = 0;
  for (const start of slots.flatMap(([a, b]) => [a, b])) {
    let remaining = hours * 60;
    for (const [a, b] of timeline) {
      const from = Math.max(a, start);
      if (from >= b) continue;
      if (remaining <= b - from) {
        worst = Math.max(worst, from + remaining - start);
        break;
      }
      remaining -= b - from;
    }
  }
  return worst / 60;
}

/** A crisis: a first contact within this many real hours at most, whatever the territory (seed 002). */
export const CRISIS_MAX_REAL_HOURS = 48;

/** How a territory counts crisis delays (planned requests: always its opening hours). */
export const CRISIS_CLOCKS = ["CALENDAR", "ON_CALL"] as const;

const hours = (label: string, max: number) =>
  z
    .number({ error: `${label} : un nombre d'heures est attendu.` })
    .int({ error: `${label} : un nombre entier d'heures est attendu.` })
    .min(1, { error: `${label} : au moins 1 heure.` })
    .max(max, { error: `${label} : au plus ${max} heures.` });

/**
 * Service levels: how long until a coordinator triages a request and until the first contact with
 * the patient or the requester, for a crisis and for a planned need. Planned: in opening hours.
 * Crisis: on the territory's crisis clock, and never more than 48 real hours to the first contact.
 */
export const ZServiceLevels = z
  .object({
    triageHoursCrisis: hours("Délai de tri (situation de crise)", 24),
    triageHoursPlanned: hours("Délai de tri (demande programmée)", 72),
    firstContactHoursCrisis: hours("Délai de premier contact (situation de crise)", 72),
    firstContactHoursPlanned: hours("Délai de premier contact (demande programmée)", 240),
    // CALENDAR: crisis delays run day and night, weekends and holidays included. ON_CALL: in the
    // on-call hours (an astreinte runs on public holidays too).
    crisisClock: z
      .enum(CRISIS_CLOCKS, { error: "Indiquez comment se comptent les délais de crise (jour et nuit, ou heures d'astreinte)." })
      .default("CALENDAR"),
    onCallHours: ZOpeningHours.nullable().default(null),
  })
  .check((ctx) => {
    const v = ctx.value;
    const issue = (path: keyof typeof v, message: string) => ctx.issues.push({ code: "custom", input: v, path: [path], message });
    // The GPs' promise: a crisis gets a first contact within 48 real hours, a Friday evening too.
    if (v.crisisClock === "CALENDAR" && v.firstContactHoursCrisis > CRISIS_MAX_REAL_HOURS) {
      issue("firstContactHoursCrisis", `Situation de crise : le premier contact doit avoir lieu sous ${CRISIS_MAX_REAL_HOURS} h au plus, jour et nuit.`);
    }
    if (v.crisisClock === "ON_CALL" && !v.onCallHours) issue("onCallHours", "Indiquez les heures d'astreinte sur lesquelles se comptent les délais de crise.");
    if (v.crisisClock === "ON_CALL" && v.onCallHours) {
      const longest = longestRealHours(v.onCallHours, v.firstContactHoursCrisis);
      if (longest > CRISIS_MAX_REAL_HOURS) {
        issue(
          "onCallHours",
          `Avec ces heures d'astreinte, ${v.firstContactHoursCrisis} h d'astreinte peuvent prendre ${Math.ceil(longest)} h réelles : une situation de crise doit être contactée sous ${CRISIS_MAX_REAL_HOURS} h au plus. Élargissez l'astreinte ou raccourcissez le délai.`,
        );
      }
    }
    if (v.triageHoursCrisis > v.firstContactHoursCrisis) {
      issue("firstContactHoursCrisis", "Le premier contact ne peut pas précéder le tri (situation de crise).");
    }
    if (v.triageHoursPlanned > v.firstContactHoursPlanned) {
      issue("firstContactHoursPlanned", "Le premier contact ne peut pas précéder le tri (demande programmée).");
    }
    if (v.triageHoursCrisis > v.triageHoursPlanned) {
      issue("triageHoursCrisis", "Une situation de crise doit être triée au plus tard dans le délai d'une demande programmée.");
    }
    if (v.firstContactHoursCrisis > v.firstContactHoursPlanned) {
      issue("firstContactHoursCrisis", "Une situation de crise doit être contactée au plus tard dans le délai d'une demande programmée.");
    }
  });
export type TServiceLevels = z.infer<typeof ZServiceLevels>;
