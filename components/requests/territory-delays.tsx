import type { TerritorySummary } from "@/lib/territories/queries";
import { addOpeningHours } from "@/lib/requests/due-dates";
import { formatOpeningHours } from "@/lib/territories/opening-hours";
import { formatDateTime } from "@/lib/time";

// What a form needs to know of a territory to announce its promise before sending.
export type TerritoryPromise = Pick<TerritorySummary, "id" | "name" | "publicPhone" | "openingHours" | "serviceLevels">;

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

type Urgency = "CRISIS" | "PLANNED";

function promise(territory: TerritoryPromise, urgency: Urgency, now: Date) {
  const sl = territory.serviceLevels;
  const triageHours = urgency === "CRISIS" ? sl.triageHoursCrisis : sl.triageHoursPlanned;
  const contactHours = urgency === "CRISIS" ? sl.firstContactHoursCrisis : sl.firstContactHoursPlanned;
  return {
    triageHours,
    contactHours,
    triageBy: addOpeningHours(now, triageHours, territory.openingHours),
    contactBy: addOpeningHours(now, contactHours, territory.openingHours),
  };
}

const URGENCY_TITLES: Record<Urgency, string> = { CRISIS: "En situation de crise", PLANNED: "Pour une demande programmée" };

/**
 * The territory's promise before a request is sent: time to be taken in hand by a coordinating
 * nurse and to a first contact, counted in opening hours, with the dates they give if sent now.
 * Only the chosen urgency when there is one, else both.
 */
export function TerritoryDelays({ territory, urgency }: { territory: TerritoryPromise; urgency?: Urgency | null }) {
  const now = new Date();
  const urgencies: Urgency[] = urgency ? [urgency] : ["CRISIS", "PLANNED"];
  return (
    <section aria-labelledby="delais-annonces" className="rounded-lg border border-brand-600 bg-brand-50 p-4">
      <h2 id="delais-annonces" className="font-semibold text-brand-800">
        Délais annoncés par {territory.name}
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {urgencies.map((u) => {
          const p = promise(territory, u, now);
          return (
            <li key={u}>
              <span className="font-medium">{URGENCY_TITLES[u]} :</span> prise en charge par une infirmière de coordination sous {p.triageHours} h d&apos;ouverture (
              <span suppressHydrationWarning>au plus tard le {formatDateTime(p.triageBy)}</span>), premier contact sous {p.contactHours} h d&apos;ouverture (
              <span suppressHydrationWarning>au plus tard le {formatDateTime(p.contactBy)}</span>).
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-sm text-slate-700">Horaires : {formatOpeningHours(territory.openingHours)}.</p>
      <p className="mt-1 text-sm text-slate-700">
        Guichet unique :{" "}
        <a href={telHref(territory.publicPhone)} className="font-semibold text-brand-700 underline">
          {territory.publicPhone}
        </a>
      </p>
    </section>
  );
}
