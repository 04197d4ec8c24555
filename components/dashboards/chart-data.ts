// Dashboard figures as chart bars: a masked count is an empty bar labelled "< 5" (or "s"), and
// categories at zero stay in the table only.
import type { Count } from "@/lib/dashboards/types";
import type { ChartBar } from "@/components/dashboards/charts";
import { formatCount, isMasked } from "@/lib/dashboards/format";

export function bar(label: string, count: Count): ChartBar {
  return { label, value: isMasked(count) ? null : count.value, display: formatCount(count) };
}

export function bars(rows: { label: string; count: Count }[]): ChartBar[] {
  return rows.filter((r) => isMasked(r.count) || (r.count.value ?? 0) > 0).map((r) => bar(r.label, r.count));
}
