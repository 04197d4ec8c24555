import { WEEKDAYS, type TWeekday as Weekday } from "@/lib/geography/schemas";

// Weekly opening hours as stored on a territory: { mon: [["08:00","20:00"]], ..., sun: [] }
// (validated by ZOpeningHours; partial here so that display never fails on a missing day).
export type OpeningHours = Partial<Record<Weekday, [string, string][]>>;

const DAY_LABELS: Record<Weekday, string> = { mon: "lun.", tue: "mar.", wed: "mer.", thu: "jeu.", fri: "ven.", sat: "sam.", sun: "dim." };

// "08:00" → "8 h", "13:30" → "13 h 30".
function timeLabel(time: string): string {
  const [h = "0", m = "00"] = time.split(":");
  return m === "00" ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

function slotsLabel(slots: [string, string][]): string {
  return slots.map(([from, to]) => `${timeLabel(from)}–${timeLabel(to)}`).join(", ");
}

// "lun.–ven. 8 h–20 h ; sam. 9 h–13 h": consecutive days with the same hours are grouped.
export function formatOpeningHours(hours: OpeningHours): string {
  const groups: { from: Weekday; to: Weekday; label: string }[] = [];
  for (const day of WEEKDAYS) {
    const slots = hours[day] ?? [];
    if (slots.length === 0) continue;
    const label = slotsLabel(slots);
    const last = groups.at(-1);
    const previousDay = WEEKDAYS[WEEKDAYS.indexOf(day) - 1];
    if (last && last.label === label && last.to === previousDay) last.to = day;
    else groups.push({ from: day, to: day, label });
  }
  if (groups.length === 0) return "Fermé";
  return groups.map((g) => `${g.from === g.to ? DAY_LABELS[g.from] : `${DAY_LABELS[g.from]}–${DAY_LABELS[g.to]}`} ${g.label}`).join(" ; ");
}
