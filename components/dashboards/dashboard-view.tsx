// The dashboard of one area over one period, shared by the ARS (/ars) and the coordinators
// (/coordination/tableau-de-bord): drill-down, period, key figures, map, then every indicator as a
// chart with its table beside it, each table exportable as CSV.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Area, Count, Dashboard } from "@/lib/dashboards/types";
import { ChoroplethMap, type MapItem } from "@/components/dashboards/choropleth-map";
import { DelayChart, HorizontalBarChart, MonthlyBarChart, NormChart } from "@/components/dashboards/charts";
import { bar, bars } from "@/components/dashboards/chart-data";
import { DataTable } from "@/components/dashboards/data-table";
import { NoChartData } from "@/components/dashboards/no-chart-data";
import { CHILD_LEVEL_LABELS, countInWords, formatCount, formatMonth, formatPeriod, LEVEL_LABELS, maskingNote } from "@/lib/dashboards/format";
import { dashboardSearch, type DashboardQuery } from "@/lib/dashboards/params";
import { PeriodSelector } from "@/components/dashboards/period-selector";
import { dashboardTables, tableById, type TableId, type TableSpec } from "@/lib/dashboards/tables";
import { Card } from "@/components/ui/card";

export type DashboardLinks = {
  basePath: string; // the dashboard page
  exportPath: string; // the CSV route
  reportPath: (territoryCode: string) => string; // a territory's yearly report page
};

function Section({ id, title, children, intro }: { id: string; title: string; children: ReactNode; intro?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titre`} className="flex flex-col gap-4 border-t border-slate-300 pt-6">
      <h2 id={`${id}-titre`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {intro ? <div className="text-slate-700">{intro}</div> : null}
      {children}
    </section>
  );
}

// Side by side on a wide screen; a wide table (many columns) goes under its chart.
function ChartAndTable({
  chart,
  table,
  csvHref,
  wide = false,
}: {
  chart: ReactNode;
  table: TableSpec | undefined;
  csvHref: (id: TableId) => string;
  wide?: boolean;
}) {
  if (!table) return null;
  return (
    <div className={`grid gap-4 ${wide ? "" : "lg:grid-cols-2"} lg:items-start`}>
      <div className="min-w-0 rounded-md border border-slate-200 bg-white p-2">{chart ?? <NoChartData />}</div>
      <DataTable table={table} csvHref={csvHref(table.id)} />
    </div>
  );
}

function KeyFigure({ label, count, hint }: { label: string; count: Count; hint?: string }) {
  return (
    <Card as="div">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold text-slate-900 tabular-nums">{formatCount(count)}</dd>
      {hint ? <dd className="mt-1 text-sm text-slate-700">{hint}</dd> : null}
    </Card>
  );
}

export function Breadcrumb({ trail, current, href }: { trail: Area[]; current: Area; href: (area: Area) => string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {trail.map((a) => (
          <li key={`${a.level}-${a.code}`} className="flex items-center gap-2">
            <Link href={href(a)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {a.name}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="inline-flex min-h-11 items-center font-semibold text-slate-900">
          {current.name}
        </li>
      </ol>
    </nav>
  );
}

export function DashboardView({ dashboard: d, query, trail, links }: { dashboard: Dashboard; query: DashboardQuery; trail: Area[]; links: DashboardLinks }) {
  const tables = dashboardTables(d);
  const zones = d.childFigures ?? [];
  const t = (id: TableId) => tableById(tables, id);
  const viewHref = (area: Pick<Area, "level" | "code">) => `${links.basePath}${dashboardSearch(area, query.choice)}`;
  const csvHref = (id: TableId) => `${links.exportPath}${dashboardSearch(d.area, query.choice, { tableau: id })}`;
  const year = query.choice.kind === "year" ? query.choice.year : Number(query.choice.to.slice(0, 4));
  const reportHref = (code: string) => `${links.reportPath(code)}?annee=${year}`;
  const zoneCount = new Map(zones.map((z) => [`${z.area.level}-${z.area.code}`, z.requests]));

  const mapItems: MapItem[] =
    d.area.level === "department"
      ? [{ code: d.area.code, name: d.area.name, count: d.totals.requests, current: true }]
      : zones.filter((z) => z.area.level === "department").map((z) => ({ code: z.area.code, name: z.area.name, count: z.requests, href: viewHref(z.area) }));

  const delays = [
    { label: "Prise en charge — crise", median: d.timeToTriage.CRISIS.medianHours, p90: d.timeToTriage.CRISIS.p90Hours },
    { label: "Prise en charge — programmée", median: d.timeToTriage.PLANNED.medianHours, p90: d.timeToTriage.PLANNED.p90Hours },
    { label: "Premier contact — crise", median: d.timeToFirstContact.CRISIS.medianHours, p90: d.timeToFirstContact.CRISIS.p90Hours },
    { label: "Premier contact — programmée", median: d.timeToFirstContact.PLANNED.medianHours, p90: d.timeToFirstContact.PLANNED.p90Hours },
  ];
  const hasDelays = delays.some((x) => x.median !== null || x.p90 !== null);
  const coverageBars = d.coverage.map((c) => ({ label: c.area.name, teams: c.mobileTeamsPer200k, beds: c.palliativeBedsPer100k }));
  const teamNorm = d.coverage[0]?.mobileTeamsNorm ?? 1;
  const bedNorm = d.coverage[0]?.palliativeBedsNorm ?? 5;
  const unmetBars = bars(d.unmetNeeds.slice(0, 12).map((u) => ({ label: u.communeName ? `${u.label} — ${u.communeName}` : u.label, count: u.count })));

  const sections = [
    ["zones", CHILD_LEVEL_LABELS[d.area.level]],
    ["activite", "Activité"],
    ["delais", "Délais"],
    ["orientations", "Orientations"],
    ["besoins-non-couverts", "Besoins non couverts"],
    ["couverture", "Couverture"],
  ] as const;

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumb trail={trail} current={d.area} href={viewHref} />
      <PeriodSelector basePath={links.basePath} area={d.area} choice={query.choice} problem={query.problem} />

      <section aria-labelledby="chiffres-titre" className="flex flex-col gap-3">
        <h2 id="chiffres-titre" className="text-xl font-semibold">
          {LEVEL_LABELS[d.area.level]} {d.area.name} — {formatPeriod(query.choice)}
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <KeyFigure label="Demandes reçues" count={d.totals.requests} />
          <KeyFigure label="File active" count={d.totals.activeFile} hint="patients suivis" />
          <KeyFigure label="Nouveaux patients" count={d.totals.newPatients} />
          <KeyFigure label="Besoins non couverts" count={d.totals.unmetRequests} hint="demandes concernées" />
        </dl>
        <p className="text-sm text-slate-700">{maskingNote(d.smallCountsMasked)}</p>
        <nav aria-label="Sommaire du tableau de bord" className="print:hidden">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {sections
              .filter(([id]) => id !== "zones" || d.children.length > 0)
              .map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}-titre`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </section>

      {d.children.length > 0 || mapItems.length > 0 ? (
        <Section id="zones" title={d.children.length > 0 ? `${CHILD_LEVEL_LABELS[d.area.level]} — ${d.area.name}` : "Carte"}>
          <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
            {mapItems.length > 0 ? (
              <ChoroplethMap
                id="carte"
                title={d.area.level === "department" ? `Situation du département : ${d.area.name}` : `Demandes par département — ${formatPeriod(query.choice)}`}
                items={mapItems}
                unit={{ singular: "demande", plural: "demandes" }}
              />
            ) : null}
            {d.children.length > 0 ? (
              <div className="flex flex-col gap-4">
                <nav aria-labelledby="descendre-titre">
                  <h3 id="descendre-titre" className="font-semibold text-slate-900">
                    Voir le détail par {d.area.level === "region" ? "département" : d.area.level === "department" ? "territoire" : "région"}
                  </h3>
                  <ul className="mt-2 flex flex-col divide-y divide-slate-200 rounded-md border border-slate-300 bg-white">
                    {d.children.map((c) => {
                      const count = zoneCount.get(`${c.level}-${c.code}`);
                      return (
                        <li key={`${c.level}-${c.code}`} className="flex flex-wrap items-center justify-between gap-x-4 px-3">
                          <Link
                            href={viewHref(c)}
                            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                            aria-label={count ? `${c.name} : ${countInWords(count, "demande", "demandes")}` : undefined}
                          >
                            {c.name}
                          </Link>
                          <span className="flex items-center gap-4 text-sm text-slate-700">
                            {count ? <span aria-hidden="true">{countInWords(count, "demande", "demandes")}</span> : null}
                            {c.level === "territory" ? (
                              <Link href={reportHref(c.code)} className="inline-flex min-h-11 items-center text-brand-700 underline">
                                Rapport {year}
                                <span className="sr-only"> de {c.name}</span>
                              </Link>
                            ) : null}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
                {t("zones") ? <DataTable table={t("zones")!} csvHref={csvHref("zones")} compact /> : null}
              </div>
            ) : null}
          </div>
        </Section>
      ) : null}

      {d.area.level === "territory" ? (
        <p>
          <Link
            href={reportHref(d.area.code)}
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Rapport d&apos;activité {year} de {d.area.name}
          </Link>
        </p>
      ) : null}

      <Section id="activite" title="Activité">
        <DataTable table={t("synthese")!} csvHref={csvHref("synthese")} />
        <ChartAndTable
          table={t("mois")}
          csvHref={csvHref}
          chart={<MonthlyBarChart title="Demandes par mois" tableTitle="Demandes par mois" bars={d.byMonth.map((m) => bar(formatMonth(m.month), m.count))} />}
        />
        <ChartAndTable
          table={t("origine")}
          csvHref={csvHref}
          chart={<HorizontalBarChart title="Demandes par origine" tableTitle="Demandes par origine" bars={bars(d.byOrigin)} />}
        />
        <ChartAndTable
          table={t("besoin")}
          csvHref={csvHref}
          chart={<HorizontalBarChart title="Demandes par besoin" tableTitle="Demandes par besoin" bars={bars(d.byNeed)} />}
        />
        <ChartAndTable
          table={t("issue")}
          csvHref={csvHref}
          chart={<HorizontalBarChart title="Demandes clôturées par issue" tableTitle="Demandes clôturées par issue" bars={bars(d.byOutcome)} />}
        />
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          <DataTable table={t("canal")!} csvHref={csvHref("canal")} />
          <DataTable table={t("urgence")!} csvHref={csvHref("urgence")} />
        </div>
      </Section>

      <Section
        id="delais"
        title="Délais de réponse"
        intro={
          <p>Du dépôt de la demande à sa prise en charge par l&apos;infirmier·e de coordination, et au premier contact d&apos;une équipe avec le patient.</p>
        }
      >
        <ChartAndTable
          wide
          table={t("delais")}
          csvHref={csvHref}
          chart={
            hasDelays ? (
              <DelayChart title="Délais de réponse (médiane et 90e centile, en heures)" tableTitle="Délais de réponse (en heures)" bars={delays} />
            ) : null
          }
        />
      </Section>

      <Section id="orientations" title="Orientations vers les équipes">
        <ChartAndTable
          wide
          table={t("orientations")}
          csvHref={csvHref}
          chart={
            <HorizontalBarChart
              title="Orientations proposées par type de structure"
              tableTitle="Orientations par type de structure"
              bars={bars(d.referralsByStructureType.map((r) => ({ label: r.label, count: r.proposed })))}
            />
          }
        />
        <ChartAndTable
          table={t("refus")}
          csvHref={csvHref}
          chart={<HorizontalBarChart title="Motifs de refus" tableTitle="Motifs de refus des orientations" bars={bars(d.declineReasons)} />}
        />
      </Section>

      <Section id="activite-equipes" title="Activité des équipes et repérage">
        <ChartAndTable
          table={t("interventions")}
          csvHref={csvHref}
          chart={
            d.interventionsByKind.some((r) => r.count.masked || (r.count.value ?? 0) > 0) ? (
              <HorizontalBarChart title="Interventions par type" tableTitle="Interventions par type" bars={bars(d.interventionsByKind)} />
            ) : null
          }
        />
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          <DataTable table={t("interventions-structures")!} csvHref={csvHref("interventions-structures")} />
          <DataTable table={t("pallia10")!} csvHref={csvHref("pallia10")} />
          <DataTable table={t("rcp")!} csvHref={csvHref("rcp")} />
        </div>
      </Section>

      <Section id="besoins-non-couverts" title="Besoins non couverts">
        <ChartAndTable
          table={t("besoins-non-couverts")}
          csvHref={csvHref}
          chart={unmetBars.length > 0 ? <HorizontalBarChart title="Besoins non couverts" tableTitle="Besoins non couverts" bars={unmetBars} /> : null}
        />
      </Section>

      <Section
        id="couverture"
        title="Couverture au regard des normes nationales"
        intro={
          <p>
            Normes : {teamNorm.toLocaleString("fr-FR")} équipe mobile de soins palliatifs pour 200 000 habitants, {bedNorm.toLocaleString("fr-FR")} lits
            identifiés de soins palliatifs pour 100 000 habitants (populations légales INSEE).
          </p>
        }
      >
        {coverageBars.length > 0 ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="min-w-0 rounded-md border border-slate-200 bg-white p-2">
              <NormChart
                title="Équipes mobiles pour 200 000 habitants, au regard de la norme"
                tableTitle="Couverture au regard des normes nationales"
                bars={coverageBars.map((c) => ({ label: c.label, value: c.teams }))}
                norm={teamNorm}
                normLabel={`Norme : ${teamNorm.toLocaleString("fr-FR")}`}
              />
            </div>
            <div className="min-w-0 rounded-md border border-slate-200 bg-white p-2">
              <NormChart
                title="Lits identifiés pour 100 000 habitants, au regard de la norme"
                tableTitle="Couverture au regard des normes nationales"
                bars={coverageBars.map((c) => ({ label: c.label, value: c.beds }))}
                norm={bedNorm}
                normLabel={`Norme : ${bedNorm.toLocaleString("fr-FR")}`}
              />
            </div>
          </div>
        ) : null}
        <DataTable table={t("couverture")!} csvHref={csvHref("couverture")} />
      </Section>
    </div>
  );
}
