// The words of a promised delay, the same on the GP's form, the confirmation, the GP's list, the
// nurse's queue and the request pages (client-safe): what is due, by which day and hour, and what
// the delay was counted in.
import { formatDayDateTime } from "@/lib/time";
import type { DueClock } from "@/lib/requests/due-dates";

export const DUE_CLOCK_PHRASES: Record<DueClock, string> = {
  OPENING_HOURS: "heures d'ouverture, hors jours fériés",
  CALENDAR: "24 h/24, week-end et jours fériés compris",
  ON_CALL: "heures d'astreinte, jours fériés compris",
};

export type DueKind = "triage" | "contact";

export const DUE_WHAT: Record<DueKind, string> = { triage: "Prise en charge", contact: "Premier contact" };

/** "Premier contact au plus tard le samedi 28/11/2026 à 19:00 (24 h/24, week-end et jours fériés compris)". */
export function dueSentence(kind: DueKind, at: Date, clock: DueClock): string {
  return `${DUE_WHAT[kind]} au plus tard le ${formatDayDateTime(at)} (${DUE_CLOCK_PHRASES[clock]})`;
}

/** The length of the delay in the clock's terms: "sous 24 h", "sous 24 h d'astreinte", "sous 24 h d'ouverture". */
export function delayPhrase(hours: number, clock: DueClock): string {
  if (clock === "CALENDAR") return `sous ${hours} h`;
  return `sous ${hours} h ${clock === "ON_CALL" ? "d'astreinte" : "d'ouverture"}`;
}
