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
  z
    .array(ZTimeRange, { error: `Horaires du ${WEEKDAY_LABELS[day]} manquants ([] si fermé).` })
    .check((ctx) => {
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

const hours = (label: string, max: number) =>
  z
    .number({ error: `${label} : un nombre d'heures est attendu.` })
    .int({ error: `${label} : un nombre entier d'heures est attendu.` })
    .min(1, { error: `${label} : au moins 1 heure.` })
    .max(max, { error: `${label} : au plus ${max} heures.` });

/**
 * Service levels, counted in opening hours: how long until a coordinator triages a request and
 * until the first contact with the patient or the requester, for a crisis and for a planned need.
 */
export const ZServiceLevels = z
  .object({
    triageHoursCrisis: hours("Délai de tri (situation de crise)", 24),
    triageHoursPlanned: hours("Délai de tri (demande programmée)", 72),
    firstContactHoursCrisis: hours("Délai de premier contact (situation de crise)", 72),
    firstContactHoursPlanned: hours("Délai de premier contact (demande programmée)", 240),
  })
  .check((ctx) => {
    const v = ctx.value;
    const issue = (path: keyof typeof v, message: string) =>
      ctx.issues.push({ code: "custom", input: v, path: [path], message });
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
      issue(
        "firstContactHoursCrisis",
        "Une situation de crise doit être contactée au plus tard dans le délai d'une demande programmée.",
      );
    }
  });
export type TServiceLevels = z.infer<typeof ZServiceLevels>;
