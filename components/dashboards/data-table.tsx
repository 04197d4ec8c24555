import type { TableSpec } from "@/lib/dashboards/tables";

// A dashboard table as HTML: caption, column headers, the first cell of each row as its header,
// figures right-aligned. "< 5" is explained on hover and in the page's note on masking.
// The wrapper scrolls sideways on a phone and can be scrolled with the keyboard (focusable region).
export function DataTable({ table, csvHref, compact = false }: { table: TableSpec; csvHref?: string; compact?: boolean }) {
  const captionId = `tableau-${table.id}`;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {/* Named "Tableau : …": a section of the page often has the table's title, and two regions
          with one name are two landmarks a screen-reader user cannot tell apart. */}
      <div role="region" aria-label={`Tableau : ${table.title}`} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-300 bg-white">
        <table className={`w-full border-collapse ${compact ? "text-sm" : "text-sm sm:text-base"}`}>
          <caption id={captionId} className="px-3 pt-2 text-left font-semibold text-slate-900">
            {table.title}
          </caption>
          <thead>
            <tr className="border-b border-slate-300">
              {table.headers.map((h, i) => (
                <th key={h} scope="col" className={`px-3 py-2 font-medium text-slate-700 ${i > 0 && table.rows[0]?.[i]?.numeric ? "text-right" : "text-left"}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.headers.length} className="px-3 py-2 text-slate-700">
                  Aucune donnée sur la période.
                </td>
              </tr>
            ) : (
              table.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-200 last:border-0">
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row" className="px-3 py-2 text-left font-normal text-slate-900">
                        {cell.text}
                      </th>
                    ) : (
                      <td
                        key={c}
                        className={`px-3 py-2 ${cell.numeric ? "text-right tabular-nums" : ""} ${cell.masked ? "text-slate-700 italic" : "text-slate-900"}`}
                      >
                        {cell.masked ? <span title={cell.masked}>{cell.text}</span> : cell.text}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {table.note ? <p className="text-sm text-slate-700">{table.note}</p> : null}
      {csvHref ? (
        <p className="print:hidden">
          <a href={csvHref} className="text-sm font-medium text-brand-700 underline" download>
            Télécharger « {table.title} » (CSV)
          </a>
        </p>
      ) : null}
    </div>
  );
}
