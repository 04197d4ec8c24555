import type { TerritorySummary } from "@/lib/territories/queries";
import { formatOpeningHours } from "@/lib/territories/opening-hours";
import { DUE_CLOCK_PHRASES, delayPhrase } from "@/lib/requests/promise-wording";
import Link from "next/link";
import { formatCalendarDay } from "@/lib/time";
import { Card } from "@/components/ui/card";

const integer = new Intl.NumberFormat("fr-FR");

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

// A territory's contact sheet: its single number first (click-to-call on a phone), then hours and
// promised delays. `showSize` adds communes and inhabitants (for coordinators, ARS, admins).
// `headingLevel`: one below the heading the list sits under (2 under the page's h1). `editable`: a
// link to the territory's editor (administrators).
export function TerritoryCard({
  territory,
  showSize = false,
  headingLevel = 2,
  editable = false,
}: {
  territory: TerritorySummary;
  showSize?: boolean;
  headingLevel?: 2 | 3;
  editable?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sl = territory.serviceLevels;
  const crisisClock = sl.crisisClock === "ON_CALL" && sl.onCallHours ? "ON_CALL" : "CALENDAR";
  return (
    <Card as="article" aria-labelledby={`territory-${territory.id}`} className="shadow-sm">
      <Heading id={`territory-${territory.id}`} className="text-lg font-semibold text-slate-900">
        {territory.name}
      </Heading>
      <p className="text-sm text-slate-600">
        {territory.departmentName} ({territory.departmentCode})
      </p>
      <p className="mt-3">
        <a href={telHref(territory.publicPhone)} className="text-xl font-bold text-brand-700 underline">
          {territory.publicPhone}
        </a>
      </p>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Horaires</dt>
        <dd>{formatOpeningHours(territory.openingHours)}</dd>
        <dt className="font-medium text-slate-700">Situation de crise</dt>
        <dd>
          prise en charge {delayPhrase(sl.triageHoursCrisis, crisisClock)}, premier contact {delayPhrase(sl.firstContactHoursCrisis, crisisClock)} (
          {DUE_CLOCK_PHRASES[crisisClock]})
        </dd>
        {sl.crisisClock === "ON_CALL" && sl.onCallHours ? (
          <>
            <dt className="font-medium text-slate-700">Astreinte</dt>
            <dd>{formatOpeningHours(sl.onCallHours)}, jours fériés compris</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">Demande programmée</dt>
        <dd>
          prise en charge {delayPhrase(sl.triageHoursPlanned, "OPENING_HOURS")}, premier contact {delayPhrase(sl.firstContactHoursPlanned, "OPENING_HOURS")}
        </dd>
        {territory.email ? (
          <>
            <dt className="font-medium text-slate-700">Messagerie</dt>
            <dd>
              <a href={`mailto:${territory.email}`} className="text-brand-700 underline">
                {territory.email}
              </a>
            </dd>
          </>
        ) : null}
        {territory.closures.length > 0 ? (
          <>
            <dt className="font-medium text-slate-700">Fermetures</dt>
            <dd>{territory.closures.map((c) => `${formatCalendarDay(c.day)} (${c.label})`).join(", ")}</dd>
          </>
        ) : null}
        {showSize ? (
          <>
            <dt className="font-medium text-slate-700">Couverture</dt>
            <dd>
              {integer.format(territory.communeCount)} communes, {integer.format(territory.population)} habitants
            </dd>
          </>
        ) : null}
      </dl>
      {editable ? (
        <p className="mt-3">
          <Link href={`/territoires/${territory.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Modifier<span className="sr-only"> le territoire {territory.name}</span>
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

export function TerritoryList({
  territories,
  showSize = false,
  empty,
  headingLevel = 2,
  editable = false,
}: {
  territories: TerritorySummary[];
  showSize?: boolean;
  empty: string;
  headingLevel?: 2 | 3;
  editable?: boolean;
}) {
  if (territories.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {territories.map((t) => (
        <TerritoryCard key={t.id} territory={t} showSize={showSize} headingLevel={headingLevel} editable={editable} />
      ))}
    </div>
  );
}
