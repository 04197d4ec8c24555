// The yearly activity report of a territory, as a page made for printing (A4, no navigation, no
// links) and offered as a PDF. Same aggregate tables as the dashboard and the PDF.
import Link from "next/link";
import type { Dashboard } from "@/lib/dashboards/types";
import { DelayChart, HorizontalBarChart, MonthlyBarChart } from "@/components/dashboards/charts";
import { bar, bars } from "@/components/dashboards/chart-data";
import { DataTable } from "@/components/dashboards/data-table";
import { NoChartData } from "@/components/dashboards/no-chart-data";
import { formatCount, formatMonth, formatPeriodDates, maskingNote } from "@/lib/dashboards/format";
import { PrintButton } from "@/components/dashboards/print-button";
import { dashboardTables } from "@/lib/dashboards/tables";
import { Card } from "@/components/ui/card";

// The app's header and navigation are not part of the report on paper.
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; }
  body > header, body > a[href="#contenu"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .rapport-bloc { break-inside: avoid; }
  h2 { break-after: avoid; }
}`;

export function ReportView({
  dashboard: d,
  year,
  pdfHref,
  backHref,
  years,
}: {
  dashboard: Dashboard;
  year: number;
  pdfHref: string;
  backHref: string;
  years: { year: number; href: string }[];
}) {
  const tables = dashboardTables(d).filter((t) => t.id !== "synthese");
  const figures = [
    ["Demandes reçues", d.totals.requests],
    ["File active", d.totals.activeFile],
    ["Nouveaux patients", d.totals.newPatients],
    ["Besoins non couverts", d.totals.unmetRequests],
  ] as const;
  const delays = [
    { label: "Prise en charge — crise", median: d.timeToTriage.CRISIS.medianHours, p90: d.timeToTriage.CRISIS.p90Hours },
    { label: "Prise en charge — programmée", median: d.timeToTriage.PLANNED.medianHours, p90: d.timeToTriage.PLANNED.p90Hours },
    { label: "Premier contact — crise", median: d.timeToFirstContact.CRISIS.medianHours, p90: d.timeToFirstContact.CRISIS.p90Hours },
    { label: "Premier contact — programmée", median: d.timeToFirstContact.PLANNED.medianHours, p90: d.timeToFirstContact.PLANNED.p90Hours },
  ];
  return (
    <article className="flex flex-col gap-6" aria-labelledby="rapport-titre">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href={backHref} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          Retour au tableau de bord
        </Link>
      </div>
      <header>
        <p className="font-semibold text-brand-700">Maillage — coordination des soins de support et palliatifs</p>
        <h1 id="rapport-titre" className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">
          Rapport d&apos;activité {year} — {d.area.name}
        </h1>
        <p className="mt-1 text-slate-700">
          Territoire {d.area.name}, période {formatPeriodDates(d.period)}.
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <a href={pdfHref} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Télécharger le rapport (PDF)
        </a>
        <PrintButton />
        {years.length > 1 ? (
          <nav aria-label="Autres années" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-700">Autres années :</span>
            {years
              .filter((y) => y.year !== year)
              .map((y) => (
                <Link key={y.year} href={y.href} className="inline-flex min-h-11 items-center px-1 font-medium text-brand-700 underline">
                  {y.year}
                </Link>
              ))}
          </nav>
        ) : null}
      </div>
      <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3 text-sm text-slate-900">{maskingNote(d.smallCountsMasked)}</p>
      <section aria-labelledby="rapport-chiffres" className="rapport-bloc">
        <h2 id="rapport-chiffres" className="mb-3 text-xl font-semibold">
          Chiffres clés
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {figures.map(([label, count]) => (
            <Card as="div" key={label}>
              <dt className="text-sm font-medium text-slate-700">{label}</dt>
              <dd className="mt-1 text-3xl font-bold text-slate-900 tabular-nums">{formatCount(count)}</dd>
            </Card>
          ))}
        </dl>
      </section>
      <section aria-labelledby="rapport-graphiques" className="flex flex-col gap-4">
        <h2 id="rapport-graphiques" className="text-xl font-semibold">
          En graphiques
        </h2>
        <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
          <div className="rapport-bloc min-w-0 rounded-md border border-slate-200 bg-white p-2">
            <MonthlyBarChart title="Demandes par mois" tableTitle="Demandes par mois" bars={d.byMonth.map((m) => bar(formatMonth(m.month), m.count))} />
          </div>
          <div className="rapport-bloc min-w-0 rounded-md border border-slate-200 bg-white p-2">
            <HorizontalBarChart title="Demandes par besoin" tableTitle="Demandes par besoin" bars={bars(d.byNeed)} />
          </div>
          <div className="rapport-bloc min-w-0 rounded-md border border-slate-200 bg-white p-2 md:col-span-2">
            {delays.some((x) => x.median !== null || x.p90 !== null) ? (
              <DelayChart title="Délais de réponse (médiane et 90e centile, en heures)" tableTitle="Délais de réponse (en heures)" bars={delays} />
            ) : (
              <NoChartData />
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="rapport-tableaux" className="flex flex-col gap-5">
        <h2 id="rapport-tableaux" className="text-xl font-semibold">
          Tableaux
        </h2>
        {tables.map((t) => (
          <div key={t.id} className="rapport-bloc">
            <DataTable table={t} />
          </div>
        ))}
      </section>
    </article>
  );
}
