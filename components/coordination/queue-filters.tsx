import Link from "next/link";
import type { QueueCounts } from "@/lib/requests/coordination-queries";
import { QUEUE_FILTER_PARAMS, type TQueueFilters } from "@/lib/requests/coordination-queue";
import { NEED_LABELS, REQUEST_STATUS_LABELS, URGENCY_SHORT_LABELS } from "@/lib/labels";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

function href(filters: TQueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(QUEUE_FILTER_PARAMS) as [keyof TQueueFilters, string][]) {
    const value = filters[key];
    if (value) params.set(param, value);
  }
  const query = params.toString();
  return query ? `/coordination?${query}` : "/coordination";
}

// Counts per status, each a link that filters the queue (the other filters are kept).
export function StatusCounts({ counts, filters }: { counts: QueueCounts; filters: TQueueFilters }) {
  const tabs: { status?: TQueueFilters["status"]; label: string; count: number }[] = [
    { label: "Toutes", count: counts.total },
    ...OPEN_REQUEST_STATUSES.map((status) => ({ status, label: REQUEST_STATUS_LABELS[status], count: counts.byStatus[status] })),
  ];
  return (
    <nav aria-label="Demandes par statut">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const current = filters.status === tab.status;
          return (
            <li key={tab.label}>
              <Link
                href={href({ ...filters, status: tab.status })}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"}`}
              >
                {tab.label}
                <span className={`rounded-full px-2 ${current ? "bg-white text-brand-800" : "bg-slate-100 text-slate-900"}`}>{tab.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

// A plain GET form: the filters live in the URL (shareable, back button works, no JavaScript).
export function QueueFilters({ filters }: { filters: TQueueFilters }) {
  return (
    <Card
      as="form"
      key={href(filters)}
      method="get"
      action="/coordination"
      aria-label="Filtrer la file"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto] lg:items-end"
    >
      <SelectField
        name={QUEUE_FILTER_PARAMS.status}
        label="Statut"
        placeholder="Tous les statuts ouverts"
        defaultValue={filters.status ?? ""}
        options={OPEN_REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }))}
      />
      <SelectField
        name={QUEUE_FILTER_PARAMS.need}
        label="Besoin"
        placeholder="Tous les besoins"
        defaultValue={filters.need ?? ""}
        options={Object.entries(NEED_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        name={QUEUE_FILTER_PARAMS.urgency}
        label="Urgence"
        placeholder="Toutes les urgences"
        defaultValue={filters.urgency ?? ""}
        options={Object.entries(URGENCY_SHORT_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <label className="flex min-h-11 items-center gap-3 sm:col-span-2 lg:col-span-3">
        <input type="checkbox" name={QUEUE_FILTER_PARAMS.outside} value="1" defaultChecked={filters.outside === "1"} className="size-5 accent-brand-700" />
        <span>Seulement les demandes hors territoire (à rattacher)</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Filtrer</Button>
        {filters.status || filters.need || filters.urgency || filters.outside ? (
          <Link href="/coordination" className="inline-flex min-h-11 items-center px-2 font-medium text-brand-700 underline">
            Effacer les filtres
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
