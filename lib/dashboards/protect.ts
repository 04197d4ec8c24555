// Which figures of a dashboard are masked: the cells of each area, the equations an observer
// knows between them, and maskCounts applied down the drill-down.
//
// The drill-down makes areas add up: France is the sum of its régions, a région of its
// départements, a département of its territories (plus the requests no territory covers). A
// figure masked on a département's page must not come back as "région minus the other
// départements". So decisions are taken top-down, one family at a time: France on its own, then
// France with its régions (France's figures fixed), then the région with its départements, then
// the département with its territories. A page runs the families on its path, so every page of
// the same actor and period takes the same decision for the same figure.
import type { AreaCounts, AreaKey } from "@/lib/dashboards/reads";
import { maskCounts, SMALL_COUNT, type CellInput, type CellState, type Equation } from "@/lib/dashboards/mask";

export type AreaFigures = {
  counts: AreaCounts; // from readFamilyCounts, with "activeFile" added
};

const OPEN = { min: 0, max: Infinity };

// A patient-count name that is published as such (the rest are hidden residuals, "~…").
function publishedNames(counts: AreaCounts): string[] {
  return [...counts.keys()].filter((name) => !name.startsWith("unmetCommune:") && counts.get(name) !== 0);
}

type AreaModel = { cells: CellInput[]; equations: Equation[] };

// One area's cells (ids "<area>#<name>") and the equations within its own dashboard.
export function areaModel(area: AreaKey, counts: AreaCounts): AreaModel {
  const extra = new Map<string, number>(); // the "~listed:" sums below
  const v = (name: string) => counts.get(name) ?? extra.get(name) ?? 0;
  const id = (name: string) => `${area}#${name}`;
  const names = publishedNames(counts);
  const of = (prefix: string) => names.filter((n) => n.startsWith(`${prefix}:`));
  const cells: CellInput[] = names.map((name) => ({ id: id(name), value: v(name) }));
  const equations: Equation[] = [];
  const hidden = (name: string, value: number, sensitive: boolean) => {
    // Never negative on consistent data; an observer's range must hold the true value regardless.
    cells.push({ id: id(name), value, hidden: { ...OPEN, min: value < 0 ? -Infinity : 0, sensitive } });
    return id(name);
  };
  const sum = (total: string, parts: string[], residual?: { name: string; sensitive: boolean }) => {
    const plus = parts.map(id);
    if (residual) plus.push(hidden(residual.name, v(total) - parts.reduce((s, p) => s + v(p), 0), residual.sensitive));
    equations.push({ plus, minus: [id(total)] });
  };

  // Every request has one origin, one channel, one urgency, one month.
  sum("requests", of("origin"));
  sum("requests", of("channel"));
  sum("requests", of("urgency"));
  sum("requests", of("month"));
  // Outcomes of the closed ones; the rest is still open (a category of its own: protected).
  sum("requests", of("outcome"), { name: "~notClosed", sensitive: true });
  sum("requests", ["unmet"], { name: "~covered", sensitive: true });
  sum("requests", ["newPatients"], { name: "~repeat", sensitive: true });
  sum("activeFile", ["newPatients"], { name: "~returning", sensitive: true });
  // Requests with unmet needs have at least one unmet need.
  equations.push({
    plus: [id("unmet"), hidden("~extraUnmetNeeds", of("unmetNeed").reduce((s, n) => s + v(n), 0) - v("unmet"), false)],
    minus: of("unmetNeed").map(id),
  });
  for (const need of of("need")) {
    const key = need.slice("need:".length);
    sum(need, [`unmetNeed:${key}`], { name: `~needMet:${key}`, sensitive: true });
    sum("requests", [need], { name: `~without:${key}`, sensitive: false });
  }
  for (const unmet of of("unmetNeed")) {
    // The communes listed (5 and more) and the others, which are never shown one by one.
    const key = unmet.slice("unmetNeed:".length);
    const listed = [...counts.entries()].filter(([name]) => name.startsWith(`unmetCommune:${key}|`)).reduce((s, [, n]) => s + n, 0);
    if (listed > 0) {
      extra.set(`~listed:${key}`, listed);
      cells.push({ id: id(`~listed:${key}`), value: listed, fixed: "published" });
      sum(unmet, [`~listed:${key}`], { name: `~smallCommunes:${key}`, sensitive: true });
    }
  }
  for (const urgency of ["CRISIS", "PLANNED"]) {
    sum(`urgency:${urgency}`, [`triaged:${urgency}`], { name: `~untriaged:${urgency}`, sensitive: true });
    sum(`urgency:${urgency}`, [`contacted:${urgency}`], { name: `~uncontacted:${urgency}`, sensitive: true });
  }
  for (const proposed of of("refProposed")) {
    const type = proposed.slice("refProposed:".length);
    sum(proposed, [`refAccepted:${type}`, `refDeclined:${type}`], { name: `~refOther:${type}`, sensitive: true });
    // Chosen outside the routing's suggestions, and the rest (within them).
    sum(proposed, [`refOffSuggestion:${type}`], { name: `~refSuggested:${type}`, sensitive: false });
  }
  // Every decline has a reason.
  equations.push({ plus: of("refDeclined").map(id), minus: of("declineReason").map(id) });
  // Interventions: counted once by kind and once by who did them (a type of structure, or the coordination).
  equations.push({ plus: of("intervention").map(id), minus: of("interventionBy").map(id) });
  // PALLIA-10: the requests screened, and among them the positive ones.
  sum("requests", ["palliaScreened"], { name: "~notScreened", sensitive: false });
  sum("palliaScreened", ["palliaPositive"], { name: "~palliaNegative", sensitive: true });
  // The requests discussed in an RCP, and the others.
  sum("requests", ["rcpDiscussed"], { name: "~notDiscussed", sensitive: false });
  return { cells, equations };
}

// parent = Σ children (+ what no child holds: requests with no territory under a département).
function hierarchy(parent: AreaKey, parentModel: AreaModel, children: { key: AreaKey; model: AreaModel }[], partition: boolean): AreaModel {
  const names = new Set<string>();
  const valueOf = new Map<string, number>();
  for (const c of [...parentModel.cells, ...children.flatMap((c) => c.model.cells)]) {
    const name = c.id.slice(c.id.indexOf("#") + 1);
    if (name.startsWith("~listed:")) continue;
    names.add(name);
    valueOf.set(c.id, c.value);
  }
  const cells: CellInput[] = [];
  const equations: Equation[] = [];
  for (const name of names) {
    const total = valueOf.get(`${parent}#${name}`) ?? 0;
    const parts = children.map((c) => `${c.key}#${name}`);
    // The zeros too, as cells: masking one of them is sometimes the only way to hide which
    // children hold the few cases ("< 5" in four départements and "< 5" in the région: each one).
    if (!name.startsWith("~")) {
      for (const part of parts) if (!valueOf.has(part)) cells.push({ id: part, value: 0 });
      if (!valueOf.has(`${parent}#${name}`)) cells.push({ id: `${parent}#${name}`, value: 0, fixed: "published" });
    }
    const rest = total - parts.reduce((s, p) => s + (valueOf.get(p) ?? 0), 0);
    const plus = [...parts];
    if (rest !== 0) {
      const restId = `${parent}#${name}@rest`;
      // Régions and départements partition France and a région: what does not add up (patients
      // counted in two areas of the active file) is taken as known. Under a département, the rest
      // is the requests no territory covers: a category of its own.
      if (partition) cells.push({ id: restId, value: rest, fixed: "published" });
      else cells.push({ id: restId, value: rest, hidden: { min: rest < 0 ? -Infinity : 0, max: Infinity, sensitive: !name.startsWith("activeFile") } });
      plus.push(restId);
    }
    equations.push({ plus, minus: [`${parent}#${name}`] });
  }
  return { cells, equations };
}

export type Protection = Map<string, CellState>; // "<area>#<name>" → state

// Runs the families of the path (France first), each with the decisions of the previous fixed.
export function protectPath({ path, childrenOf, figures }: { path: AreaKey[]; childrenOf: Map<AreaKey, AreaKey[]>; figures: Map<AreaKey, AreaCounts> }): {
  states: Protection;
  unresolved: string[];
} {
  const states: Protection = new Map();
  const unresolved: string[] = [];
  const models = new Map<AreaKey, AreaModel>();
  const model = (key: AreaKey) => {
    if (!models.has(key)) models.set(key, areaModel(key, figures.get(key) ?? new Map()));
    return models.get(key)!;
  };
  const fix = (cells: CellInput[]): CellInput[] => cells.map((c) => (states.has(c.id) ? { ...c, fixed: states.get(c.id)! } : c));
  const run = (cells: CellInput[], equations: Equation[]) => {
    const result = maskCounts({ cells: fix(cells), equations });
    for (const [id, state] of result.states) if (!id.includes("@rest")) states.set(id, state);
    unresolved.push(...result.unresolved);
  };

  const root = path[0]!;
  run(model(root).cells, model(root).equations);
  for (const parent of path) {
    const children = (childrenOf.get(parent) ?? []).map((key) => ({ key, model: model(key) }));
    if (children.length === 0) continue;
    const link = hierarchy(parent, model(parent), children, !parent.startsWith("department:"));
    run(
      [...model(parent).cells, ...children.flatMap((c) => c.model.cells), ...link.cells],
      [...model(parent).equations, ...children.flatMap((c) => c.model.equations), ...link.equations],
    );
  }
  return { states, unresolved };
}

export function isSmallCount(value: number): boolean {
  return value >= 1 && value < SMALL_COUNT;
}
