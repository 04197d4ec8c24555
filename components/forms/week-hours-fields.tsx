// A week as seven text fields, one per day (« 08:30-12:00, 13:30-17:30 », empty = closed), named
// `${prefix}_mon` … `${prefix}_sun` as lib/geography/hours-text.ts parses them; each day's mistake
// at its own field. Shared by the structure form (opening hours) and the territory form (opening
// and on-call hours). Uncontrolled: what was typed stays when the server refuses it.
import { WEEKDAYS, WEEKDAY_LABELS } from "@/lib/geography/schemas";
import { TextField } from "@/components/ui/text-field";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function WeekHoursFields({
  prefix,
  values,
  errors,
  labelSuffix = "",
}: {
  prefix: string;
  values: Record<string, unknown>;
  errors: Record<string, string[] | undefined>;
  /** Added to each day's label when two weeks share a page (« Lundi (astreinte) »). */
  labelSuffix?: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {WEEKDAYS.map((day) => {
        const name = `${prefix}_${day}`;
        const value = values[name];
        return (
          <TextField
            key={day}
            name={name}
            label={`${capitalize(WEEKDAY_LABELS[day])}${labelSuffix}`}
            autoComplete="off"
            inputMode="text"
            defaultValue={typeof value === "string" ? value : ""}
            errors={errors[name]}
          />
        );
      })}
    </div>
  );
}
