// How dashboard figures read, the same on pages, in CSV files and in the PDF: French numbers,
// "< 5" for a masked count (never a value), hours with one decimal.
import type { Count, Level, Period } from "@/lib/dashboards/types";
import { formatDate } from "@/lib/time";
import type { PeriodChoice } from "@/lib/dashboards/params";

export const MASKED = "< 5";
// A count of 5 or more masked so that a small one cannot be recovered by subtraction.
export const MASKED_SECONDARY = "s";

// Regular spaces as thousands separators: the narrow no-break space of fr-FR is missing from the
// PDF's standard fonts and shows as a box in some spreadsheet imports.
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

export function formatInteger(value: number): string {
  return plain(integer.format(value));
}

export function formatDecimal(value: number): string {
  return plain(decimal.format(value));
}

export function isMasked(count: Count): boolean {
  return count.masked || count.value === null;
}

export function formatCount(count: Count): string {
  if (isMasked(count)) return count.reason === "secondary" ? MASKED_SECONDARY : MASKED;
  return formatInteger(count.value!);
}

// What a masked figure means, for a title or a screen reader.
export function maskedMeaning(count: Count): string {
  return count.reason === "secondary"
    ? "valeur masquée pour qu'un petit effectif ne puisse pas être retrouvé par différence"
    : "moins de 5 : valeur masquée pour protéger l'anonymat";
}

// A count in words, for accessible names: "123 demandes", "moins de 5 demandes".
export function countInWords(count: Count, singular: string, plural: string): string {
  if (isMasked(count)) return count.reason === "secondary" ? `nombre de ${plural} masqué` : `moins de 5 ${plural}`;
  return `${formatInteger(count.value!)} ${count.value! > 1 ? plural : singular}`;
}

export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  return `${formatDecimal(hours)} h`;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${plain(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(rate * 100))} %`;
}

export function formatPeriod(choice: PeriodChoice): string {
  if (choice.kind === "year") return `année ${choice.year}`;
  const fr = (iso: string) => iso.split("-").reverse().join("/");
  return `du ${fr(choice.from)} au ${fr(choice.to)}`;
}

// From the Period itself ([from, to) in Paris days), when no URL choice is at hand.
export function formatPeriodDates(period: Period): string {
  const last = new Date(period.to.getTime() - 12 * 3600_000);
  return `du ${formatDate(period.from)} au ${formatDate(last)}`;
}

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export const LEVEL_LABELS: Record<Level, string> = { country: "France", region: "Région", department: "Département", territory: "Territoire" };
export const CHILD_LEVEL_LABELS: Record<Level, string> = { country: "Régions", region: "Départements", department: "Territoires", territory: "Territoire" };

export const DELAY_BASIS_LABELS = {
  opening: "heures d'ouverture du territoire",
  calendar: "heures calendaires",
} as const;

// The note every output carries next to its figures.
export function maskingNote(smallCountsMasked: boolean | undefined): string {
  const base = "Données agrégées, sans aucune identité de patient ni texte libre.";
  if (smallCountsMasked === false) return `${base} Chiffres exacts : vous coordonnez ces territoires.`;
  return `${base} « ${MASKED} » : moins de 5 patients, valeur masquée pour protéger l'anonymat ; « ${MASKED_SECONDARY} » : valeur masquée pour qu'un petit effectif ne puisse pas être retrouvé par différence.`;
}
