import type { TerritorySummary } from "@/lib/territories/queries";
import { promisedDueDates } from "@/lib/requests/due-dates";
import { DUE_CLOCK_PHRASES, delayPhrase, dueSentence } from "@/lib/requests/promise-wording";
import { formatOpeningHours } from "@/lib/territories/opening-hours";

// What a form needs to know of a territory to announce its promise before sending.
export type TerritoryPromise = Pick<TerritorySummary, "id" | "name" | "publicPhone" | "openingHours" | "serviceLevels" | "departmentCode" | "closures">;

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

type Urgency = "CRISIS" | "PLANNED";

const URGENCY_TITLES: Record<Urgency, string> = { CRISIS: "En situation de crise", PLANNED: "Pour une demande programmée" };

/**
 * The territory's promise before a request is sent, computed as the filing will compute it
 * (promisedDueDates): the day and hour by which a coordinating nurse takes it in hand and a first
 * contact happens if sent now, in the words the confirmation, the GP's list and the nurse's queue
 * use, and what the delays are counted in. Only the chosen urgency when there is one, else both.
 */
export function TerritoryDelays({ territory, urgency }: { territory: TerritoryPromise; urgency?: Urgency | null }) {
  const now = new Date();
  const urgencies: Urgency[] = urgency ? [urgency] : ["CRISIS", "PLANNED"];
  const sl = territory.serviceLevels;
  return (
    <section aria-labelledby="delais-annonces" className="rounded-lg border border-brand-600 bg-brand-50 p-4">
      <h2 id="delais-annonces" className="font-semibold text-brand-800">
        Délais annoncés par {territory.name}
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {urgencies.map((u) => {
          const p = promisedDueDates(territory, u, now);
          return (
            <li key={u}>
              <p className="font-medium">
                {URGENCY_TITLES[u]} : prise en charge par une infirmière de coordination {delayPhrase(p.triageHours, p.clock)}, premier contact{" "}
                {delayPhrase(p.contactHours, p.clock)} ({DUE_CLOCK_PHRASES[p.clock]}).
              </p>
              {/* Dates of the visitor's clock at render: the server's filing comes seconds later. */}
              <ul className="list-disc pl-5" suppressHydrationWarning>
                <li suppressHydrationWarning>{dueSentence("triage", p.triageDueAt, p.clock)}.</li>
                <li suppressHydrationWarning>{dueSentence("contact", p.contactDueAt, p.clock)}.</li>
              </ul>
            </li>
          );
        })}
      </ul>
      {urgencies.includes("CRISIS") && sl.crisisClock === "ON_CALL" && sl.onCallHours ? (
        <p className="mt-2 text-sm text-slate-700">Astreinte : {formatOpeningHours(sl.onCallHours)}, jours fériés compris.</p>
      ) : null}
      {urgencies.includes("PLANNED") ? <p className="mt-2 text-sm text-slate-700">Horaires : {formatOpeningHours(territory.openingHours)}.</p> : null}
      <p className="mt-1 text-sm text-slate-700">
        Guichet unique :{" "}
        <a href={telHref(territory.publicPhone)} className="font-semibold text-brand-700 underline">
          {territory.publicPhone}
        </a>
      </p>
    </section>
  );
}
