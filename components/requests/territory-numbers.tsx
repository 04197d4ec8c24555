import type { TerritorySummary } from "@/lib/territories/queries";
import { telHref } from "@/components/requests/territory-delays";

// The single numbers, compact: one line per territory, the number a tap away.
export function TerritoryNumbers({ territories }: { territories: Pick<TerritorySummary, "id" | "name" | "publicPhone">[] }) {
  if (territories.length === 0) return <p className="text-slate-700">Aucun territoire n&apos;est encore ouvert.</p>;
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
      {territories.map((t) => (
        <article
          key={t.id}
          aria-labelledby={`territoire-${t.id}`}
          className="flex items-center justify-between gap-3 rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <h3 id={`territoire-${t.id}`} className="text-sm font-medium text-slate-900">
            {t.name}
          </h3>
          <a href={telHref(t.publicPhone)} className="font-semibold whitespace-nowrap text-brand-700 underline">
            {t.publicPhone}
          </a>
        </article>
      ))}
    </div>
  );
}
