// A choropleth map of départements, drawn on the server as plain SVG (no tile server, no script).
// Never colour alone: each département carries its figure as a label, its link is named
// "Meuse : 123 demandes", masked counts are hatched and read "moins de 5", and the same figures
// sit in a table next to the map (the map's text alternative).
import Link from "next/link";
import type { Count } from "@/lib/dashboards/types";
import { countInWords, formatCount, formatInteger, isMasked, MASKED, MASKED_SECONDARY } from "@/lib/dashboards/format";
import { departmentShapes, MAP_CREDIT, unionBox, type Box } from "@/components/dashboards/france-shapes";

export type MapItem = { code: string; name: string; count: Count; href?: string; current?: boolean };

// Light to dark; the darkest class is dark enough for white text, the labels use a halo anyway.
const PALETTE = ["#e3f1ef", "#a9d6cf", "#5eaa9f", "#20786d", "#0b4a44"];
const HATCH_ID = "carte-masque";

type Bin = { min: number; max: number; fill: string };

// Up to five classes of equal counts (quantiles) over the visible values, merged when equal.
export function binsOf(values: number[]): Bin[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const classes = Math.min(PALETTE.length, sorted.length);
  const bins: Bin[] = [];
  for (let i = 0; i < classes; i++) {
    const min = sorted[Math.floor((i * sorted.length) / classes)]!;
    const max = sorted[Math.floor(((i + 1) * sorted.length) / classes) - 1]!;
    const previous = bins.at(-1);
    if (previous && min <= previous.max) previous.max = Math.max(previous.max, max);
    else bins.push({ min, max, fill: "" });
  }
  // Spread the palette over the classes actually kept, darkest for the highest.
  return bins.map((b, i) => ({ ...b, fill: PALETTE[Math.round((i * (PALETTE.length - 1)) / Math.max(1, bins.length - 1))]! }));
}

function fillOf(count: Count, bins: Bin[]): string {
  if (isMasked(count)) return `url(#${HATCH_ID})`;
  return bins.find((b) => count.value! >= b.min && count.value! <= b.max)?.fill ?? PALETTE[0]!;
}

function padded(box: Box, ratio: number): Box {
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const pad = Math.max(w, h) * ratio;
  return { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad };
}

export function ChoroplethMap({ id, title, items, unit }: { id: string; title: string; items: MapItem[]; unit: { singular: string; plural: string } }) {
  const shapes = departmentShapes();
  const drawn = items.filter((i) => shapes.has(i.code));
  const box = unionBox(drawn.map((i) => shapes.get(i.code)!.box));
  if (!box) return <p className="text-slate-700">Aucun département de métropole à représenter sur la carte.</p>;
  const view = padded(box, 0.12);
  const width = view.maxX - view.minX;
  const height = view.maxY - view.minY;
  const scale = Math.max(width, height) / 300; // label size follows the zoom
  const drawnCodes = new Set(drawn.map((i) => i.code));
  const around = [...shapes.values()].filter(
    (s) => !drawnCodes.has(s.code) && s.box.maxX >= view.minX && s.box.minX <= view.maxX && s.box.maxY >= view.minY && s.box.minY <= view.maxY,
  );
  const bins = binsOf(drawn.flatMap((i) => (isMasked(i.count) ? [] : [i.count.value!])));
  const hasMasked = drawn.some((i) => isMasked(i.count));
  const titleId = `${id}-titre`;

  return (
    <figure className="flex flex-col gap-3" aria-labelledby={titleId}>
      <figcaption id={titleId} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <svg
        viewBox={`${view.minX} ${view.minY} ${width} ${height}`}
        className="h-auto max-h-[28rem] w-full rounded-md border border-slate-300 bg-sky-50"
        aria-labelledby={titleId}
      >
        <defs>
          <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width={4 * scale} height={4 * scale} patternTransform="rotate(45)">
            <rect width={4 * scale} height={4 * scale} fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2={4 * scale} stroke="#475569" strokeWidth={1.2 * scale} />
          </pattern>
        </defs>
        <style>{`.carte-lien:focus { outline: none; } .carte-lien:focus-visible path, .carte-lien:hover path { stroke: #b45309; stroke-width: ${2.5 * scale}px; }`}</style>
        <g aria-hidden="true">
          {around.map((s) => (
            <path key={s.code} d={s.path} fill="#e2e8f0" stroke="#ffffff" strokeWidth={0.8 * scale} />
          ))}
        </g>
        {drawn.map((item) => {
          const shape = shapes.get(item.code)!;
          const label = `${item.name} : ${countInWords(item.count, unit.singular, unit.plural)}`;
          const body = (
            <>
              <path
                d={shape.path}
                fill={fillOf(item.count, bins)}
                stroke={item.current ? "#0f172a" : "#334155"}
                strokeWidth={(item.current ? 2 : 0.8) * scale}
              />
            </>
          );
          return item.href ? (
            <Link key={item.code} href={item.href} aria-label={label} className="carte-lien">
              {body}
            </Link>
          ) : (
            <g key={item.code} role="img" aria-label={label}>
              {body}
            </g>
          );
        })}
        <g aria-hidden="true" pointerEvents="none">
          {drawn.map((item) => {
            const b = shapes.get(item.code)!.box;
            const cx = (b.minX + b.maxX) / 2;
            const cy = (b.minY + b.maxY) / 2;
            return (
              <text
                key={item.code}
                x={cx}
                y={cy}
                textAnchor="middle"
                fontSize={9 * scale}
                fontWeight={700}
                fill="#0f172a"
                stroke="#ffffff"
                strokeWidth={2.5 * scale}
                paintOrder="stroke"
                strokeLinejoin="round"
              >
                <tspan x={cx} dy={-1 * scale}>
                  {item.name}
                </tspan>
                <tspan x={cx} dy={11 * scale}>
                  {formatCount(item.count)}
                </tspan>
              </text>
            );
          })}
        </g>
      </svg>
      <MapLegend bins={bins} hasMasked={hasMasked} unit={unit.plural} />
      <p className="text-xs text-slate-600">{MAP_CREDIT}</p>
    </figure>
  );
}

function MapLegend({ bins, hasMasked, unit }: { bins: Bin[]; hasMasked: boolean; unit: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-900">Légende ({unit})</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        {bins.map((b) => (
          <li key={`${b.min}-${b.max}`} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-slate-500" style={{ background: b.fill }} />
            {b.min === b.max ? formatInteger(b.min) : `${formatInteger(b.min)} à ${formatInteger(b.max)}`}
          </li>
        ))}
        {hasMasked ? (
          <li className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-4 w-6 rounded-sm border border-slate-500"
              style={{ background: "repeating-linear-gradient(45deg, #ffffff 0 3px, #475569 3px 4.5px)" }}
            />
            {MASKED} ou {MASKED_SECONDARY} (masqué)
          </li>
        ) : null}
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-slate-400 bg-slate-200" />
          hors de votre périmètre
        </li>
      </ul>
    </div>
  );
}
