"use client";

// Charts of the dashboards (recharts). Each one is a picture of the table printed beside it: the
// chart is an image with a name that points to that table, every bar carries its figure as text
// (never colour alone), a second series is hatched, masked counts read "< 5".
import { NoChartData } from "@/components/dashboards/no-chart-data";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, XAxis, YAxis } from "recharts";

export type ChartBar = { label: string; value: number | null; display: string };

const BRAND = "#0f6b63";
const DARK = "#0f172a";
const AXIS = "#334155";

function chartName(title: string, tableTitle: string): string {
  return `Graphique : ${title}. Les valeurs figurent dans le tableau « ${tableTitle} ».`;
}

// Category labels on two lines at most, so that long French labels fit a phone.
function wrap(label: string, width: number): string[] {
  const words = label.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 2)
    return [
      lines[0]!,
      `${lines
        .slice(1)
        .join(" ")
        .slice(0, width - 1)}…`,
    ];
  return lines;
}

function CategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  const lines = wrap(String(payload?.value ?? ""), 18);
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fill={AXIS} fontSize={12}>
      {lines.map((l, i) => (
        <tspan key={i} x={Number(x) - 4} dy={i === 0 ? (lines.length === 1 ? 4 : -2) : 13}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

// Masked counts are drawn as an empty bar with their "< 5" label.
function toData(bars: ChartBar[]) {
  return bars.map((b) => ({ label: b.label, value: b.value ?? 0, display: b.display }));
}

export function HorizontalBarChart({ title, tableTitle, bars }: { title: string; tableTitle: string; bars: ChartBar[] }) {
  if (bars.length === 0) return <NoChartData />;
  const height = Math.max(120, bars.length * 40 + 30);
  return (
    <div role="img" aria-label={chartName(title, tableTitle)} className="w-full">
      <BarChart
        layout="vertical"
        data={toData(bars)}
        responsive
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fill: AXIS, fontSize: 12 }} stroke={AXIS} />
        <YAxis type="category" dataKey="label" width={150} tick={<CategoryTick />} interval={0} stroke={AXIS} />
        <Bar dataKey="value" fill={BRAND} isAnimationActive={false} barSize={22} minPointSize={2}>
          <LabelList dataKey="display" position="right" fill={DARK} fontSize={12} fontWeight={600} />
        </Bar>
      </BarChart>
    </div>
  );
}

// Above the bar, on one line even when the bar is narrower than "< 5" (recharts would wrap it).
function TopLabel(props: { x?: number | string; y?: number | string; width?: number | string; value?: unknown }) {
  const x = Number(props.x ?? 0) + Number(props.width ?? 0) / 2;
  return (
    <text x={x} y={Number(props.y ?? 0) - 5} textAnchor="middle" fill={DARK} fontSize={11}>
      {String(props.value ?? "")}
    </text>
  );
}

export function MonthlyBarChart({ title, tableTitle, bars }: { title: string; tableTitle: string; bars: ChartBar[] }) {
  if (bars.length === 0) return <NoChartData />;
  return (
    <div role="img" aria-label={chartName(title, tableTitle)} className="w-full">
      <BarChart
        data={toData(bars)}
        responsive
        style={{ width: "100%", height: 240 }}
        margin={{ top: 20, right: 8, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fill: AXIS, fontSize: 11 }} stroke={AXIS} interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} tick={{ fill: AXIS, fontSize: 12 }} stroke={AXIS} width={36} />
        <Bar dataKey="value" fill={BRAND} isAnimationActive={false} minPointSize={2}>
          <LabelList dataKey="display" content={TopLabel} />
        </Bar>
      </BarChart>
    </div>
  );
}

export type DelayBar = { label: string; median: number | null; p90: number | null };

const hoursLabel = (v: unknown) => (typeof v === "number" && v > 0 ? `${v.toFixed(1).replace(".", ",")} h` : "");

// Median (solid) and 90th percentile (hatched), both labelled with their hours.
export function DelayChart({ title, tableTitle, bars }: { title: string; tableTitle: string; bars: DelayBar[] }) {
  const data = bars.map((b) => ({ label: b.label, median: b.median ?? 0, p90: b.p90 ?? 0 }));
  return (
    <div role="img" aria-label={chartName(title, tableTitle)} className="w-full">
      <BarChart
        layout="vertical"
        data={data}
        responsive
        style={{ width: "100%", height: bars.length * 64 + 60 }}
        margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <defs>
          <pattern id="hachures-p90" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#cfe7e3" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={BRAND} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" tick={{ fill: AXIS, fontSize: 12 }} stroke={AXIS} unit=" h" />
        <YAxis type="category" dataKey="label" width={150} tick={<CategoryTick />} interval={0} stroke={AXIS} />
        <Legend verticalAlign="top" height={28} itemSorter={null} wrapperStyle={{ fontSize: 13, color: DARK }} />
        <Bar dataKey="median" name="Médiane" fill={BRAND} isAnimationActive={false} barSize={16}>
          <LabelList dataKey="median" position="right" fill={DARK} fontSize={11} formatter={hoursLabel} />
        </Bar>
        <Bar dataKey="p90" name="90e centile (hachuré)" fill="url(#hachures-p90)" stroke={BRAND} isAnimationActive={false} barSize={16}>
          <LabelList dataKey="p90" position="right" fill={DARK} fontSize={11} formatter={hoursLabel} />
        </Bar>
      </BarChart>
    </div>
  );
}

// 6.3 → 7, 2.4 → 2.5, 0.8 → 0.8: an axis end that reads as a round figure.
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const half = 10 ** Math.floor(Math.log10(value)) / 2;
  return Number((Math.ceil(value / half) * half).toFixed(6));
}

export type NormBar = { label: string; value: number };

// A ratio per area against its national norm, drawn as a labelled reference line.
export function NormChart({
  title,
  tableTitle,
  bars,
  norm,
  normLabel,
}: {
  title: string;
  tableTitle: string;
  bars: NormBar[];
  norm: number;
  normLabel: string;
}) {
  if (bars.length === 0) return <NoChartData />;
  const max = niceCeil(Math.max(norm * 1.25, ...bars.map((b) => b.value * 1.1)));
  return (
    <div role="img" aria-label={chartName(title, tableTitle)} className="w-full">
      <BarChart
        layout="vertical"
        data={bars}
        responsive
        style={{ width: "100%", height: bars.length * 40 + 60 }}
        margin={{ top: 24, right: 48, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" domain={[0, max]} tick={{ fill: AXIS, fontSize: 12 }} stroke={AXIS} tickFormatter={(v: number) => v.toLocaleString("fr-FR")} />
        <YAxis type="category" dataKey="label" width={150} tick={<CategoryTick />} interval={0} stroke={AXIS} />
        <Bar dataKey="value" fill={BRAND} isAnimationActive={false} barSize={20}>
          <LabelList
            dataKey="value"
            position="right"
            fill={DARK}
            fontSize={12}
            fontWeight={600}
            formatter={(v: unknown) => (typeof v === "number" ? v.toFixed(1).replace(".", ",") : "")}
          />
        </Bar>
        <ReferenceLine
          x={norm}
          stroke="#b45309"
          strokeWidth={2}
          strokeDasharray="6 3"
          label={{ value: normLabel, position: "top", fill: "#7c2d12", fontSize: 12 }}
        />
      </BarChart>
    </div>
  );
}
