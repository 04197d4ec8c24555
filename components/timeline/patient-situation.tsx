import type { TimelineEntry } from "@/lib/requests/timeline";
import { formatDateTime } from "@/lib/time";

/** The latest thing reported about the patient during care (hospitalised, back home, deceased…), from the timeline. */
export function PatientSituation({ entries }: { entries: TimelineEntry[] }) {
  const latest = entries.filter((e) => e.patientEvent).at(-1);
  if (!latest) return null;
  const tone = latest.patientEvent === "DECEASED" ? "border-slate-700 bg-slate-100 text-slate-900" : "border-amber-700 bg-amber-50 text-amber-950";
  return (
    <section aria-label="Situation du patient" className={`rounded-md border-l-4 p-3 ${tone}`}>
      <p className="font-semibold">Situation signalée : {latest.text}</p>
      <p className="text-sm">
        Par {latest.actor}, le {formatDateTime(latest.at)}.
      </p>
    </section>
  );
}
