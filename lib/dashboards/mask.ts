// Small-count masking with complementary suppression, in one function: maskCounts.
//
// Every figure that counts fewer than SMALL_COUNT patients (1 to 4; zero is shown) is masked
// ("small"). Masking alone is not enough: a total minus the other visible cells of its breakdown
// gives the masked one back. So the figures of a dashboard are described as cells linked by the
// equations an observer knows (a total is the sum of its breakdown, a région the sum of its
// départements, accepted + declined never exceed proposed…), and maskCounts works out, from what
// is visible, the interval each masked cell must lie in (interval propagation over the equations).
// While a small cell — or a hidden residual such as "still open" that counts 1 to 4 patients —
// comes out exactly determined, another visible cell of one of its equations is masked as well
// ("secondary": the smallest one, so that little information is lost), and the check runs again.
//
// The observer is assumed to know that a small cell lies in [1, 4] and a secondary one in
// [5, ∞) (as if the reason of each mask were public): the most informed observer, so the safe side.
// Interval propagation is not a full linear-programming audit; on the tables we publish (sums of
// breakdowns, one hierarchy of areas) it finds every cell that subtraction recovers.

export const SMALL_COUNT = 5;

export type CellState = "published" | "small" | "secondary";

export type CellInput = {
  id: string;
  value: number;
  // A residual that is never shown (e.g. requests not closed yet = requests − Σ outcomes): what an
  // observer knows of its range, and whether it counts patients (then it must not be recoverable
  // when it is 1 to 4).
  hidden?: { min: number; max: number; sensitive: boolean };
  // Decided earlier (a parent area's figure, shown on its own dashboard): kept as it is.
  fixed?: CellState;
};

// Σ plus = Σ minus (cells absent from the input count as published zeros).
export type Equation = { plus: string[]; minus: string[] };

export type MaskResult = {
  states: Map<string, CellState>; // every cell that is not hidden
  // Cells that could not be protected (no visible cell left to mask around them): should not happen
  // on real tables; reported so that the caller can log it.
  unresolved: string[];
};

const isSmall = (value: number) => value >= 1 && value < SMALL_COUNT;

type State = CellState | "hidden";

// The tables as arrays (cell i, equation e): the propagation runs many times per dashboard.
type Model = {
  ids: string[];
  cells: CellInput[];
  plus: number[][]; // per equation
  minus: number[][];
  eqsOf: number[][]; // per cell: the equations it appears in
};

function build(input: CellInput[], equations: Equation[]): Model {
  const index = new Map<string, number>();
  input.forEach((c, i) => index.set(c.id, i));
  // A cell absent from the input is a published zero: it contributes nothing to the sums.
  const resolve = (ids: string[]) => ids.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const plus = equations.map((eq) => resolve(eq.plus));
  const minus = equations.map((eq) => resolve(eq.minus));
  const eqsOf: number[][] = input.map(() => []);
  equations.forEach((_, e) => {
    for (const i of plus[e]!) eqsOf[i]!.push(e);
    for (const i of minus[e]!) eqsOf[i]!.push(e);
  });
  return { ids: input.map((c) => c.id), cells: input, plus, minus, eqsOf };
}

type Sums = { l: number; h: number; lInf: number; hInf: number };

function sums(cells: number[], lo: Float64Array, hi: Float64Array): Sums {
  let l = 0;
  let h = 0;
  let lInf = 0;
  let hInf = 0;
  for (const i of cells) {
    if (lo[i] === -Infinity) lInf++;
    else l += lo[i]!;
    if (hi[i] === Infinity) hInf++;
    else h += hi[i]!;
  }
  return { l, h, lInf, hInf };
}

// The interval one equation gives cell i (on side `own`): x = Σ other side − Σ own side without x.
function implied(i: number, own: Sums, other: Sums, lo: Float64Array, hi: Float64Array): [number, number] {
  const ownLoRest = own.lInf - (lo[i] === -Infinity ? 1 : 0) > 0 ? -Infinity : own.l - (lo[i] === -Infinity ? 0 : lo[i]!);
  const ownHiRest = own.hInf - (hi[i] === Infinity ? 1 : 0) > 0 ? Infinity : own.h - (hi[i] === Infinity ? 0 : hi[i]!);
  const otherLo = other.lInf > 0 ? -Infinity : other.l;
  const otherHi = other.hInf > 0 ? Infinity : other.h;
  return [
    otherLo === -Infinity || ownHiRest === Infinity ? -Infinity : otherLo - ownHiRest,
    otherHi === Infinity || ownLoRest === -Infinity ? Infinity : otherHi - ownLoRest,
  ];
}

// What an observer can infer: each cell's interval, tightened equation by equation (a work list:
// an equation is looked at again when one of its cells moved) until nothing moves.
function propagate(model: Model, states: State[]): { lo: Float64Array; hi: Float64Array } {
  const n = model.cells.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  // Where a zero is masked, nobody can tell the masked zeros from the masked small counts: every
  // "< 5" of those equations may be 0 (elsewhere a "< 5" is at least 1, zeros being shown).
  const ambiguous = new Uint8Array(n);
  for (let e = 0; e < model.plus.length; e++) {
    const cells = [...model.plus[e]!, ...model.minus[e]!];
    if (cells.some((i) => states[i] === "small" && model.cells[i]!.value === 0)) for (const i of cells) ambiguous[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    const cell = model.cells[i]!;
    switch (states[i]!) {
      case "published":
        lo[i] = hi[i] = cell.value;
        break;
      case "small":
        lo[i] = cell.value === 0 || ambiguous[i] ? 0 : 1;
        hi[i] = SMALL_COUNT - 1;
        break;
      case "secondary":
        lo[i] = SMALL_COUNT;
        hi[i] = Infinity;
        break;
      case "hidden":
        lo[i] = cell.hidden!.min;
        hi[i] = cell.hidden!.max;
    }
  }
  const equations = model.plus.length;
  const queue: number[] = [];
  const queued = new Uint8Array(equations);
  for (let e = 0; e < equations; e++) {
    queue.push(e);
    queued[e] = 1;
  }
  let budget = equations * 200; // shallow tables settle long before
  for (let head = 0; head < queue.length && budget > 0; head++, budget--) {
    const e = queue[head]!;
    queued[e] = 0;
    const plus = model.plus[e]!;
    const minus = model.minus[e]!;
    const sp = sums(plus, lo, hi);
    const sm = sums(minus, lo, hi);
    const moved: number[] = [];
    for (const [cells, own, other] of [
      [plus, sp, sm],
      [minus, sm, sp],
    ] as const) {
      for (const i of cells) {
        const [l, h] = implied(i, own, other, lo, hi);
        const newLo = Math.max(lo[i]!, l);
        const newHi = Math.min(hi[i]!, h);
        // An empty interval means figures read a moment apart disagree (a request filed between
        // two queries): learn nothing from this equation rather than something false.
        if ((newLo > lo[i]! || newHi < hi[i]!) && newLo <= newHi) moved.push(i, newLo, newHi);
      }
    }
    for (let k = 0; k < moved.length; k += 3) {
      const i = moved[k]!;
      lo[i] = moved[k + 1]!;
      hi[i] = moved[k + 2]!;
      for (const f of model.eqsOf[i]!) {
        if (!queued[f]) {
          queued[f] = 1;
          queue.push(f);
        }
      }
    }
  }
  return { lo, hi };
}

export function maskCounts({ cells: input, equations }: { cells: CellInput[]; equations: Equation[] }): MaskResult {
  const model = build(input, equations);
  const n = input.length;
  const states: State[] = input.map((c) => (c.hidden ? "hidden" : (c.fixed ?? (isSmall(c.value) ? "small" : "published"))));
  const sensitive = (i: number) => isSmall(input[i]!.value) && (states[i] === "small" || (states[i] === "hidden" && input[i]!.hidden!.sensitive));
  const free = (i: number) => !input[i]!.fixed && states[i] === "published";
  const pinned = (i: number, lo: Float64Array, hi: Float64Array) => lo[i] === hi[i];

  // The equations that, on their own, pin cell i to one value: the ones to loosen.
  const pinning = (i: number, lo: Float64Array, hi: Float64Array): number[] =>
    model.eqsOf[i]!.filter((e) => {
      const plus = model.plus[e]!;
      const minus = model.minus[e]!;
      const onPlus = plus.includes(i);
      const [l, h] = implied(i, sums(onPlus ? plus : minus, lo, hi), sums(onPlus ? minus : plus, lo, hi), lo, hi);
      return Math.max(l, lo[i]!) >= Math.min(h, hi[i]!);
    });

  // In the equations that pin the leak: the smallest visible count of 5 or more, else a visible
  // zero (masked as "< 5": then nobody can tell which of the masked cells are not zero). When every
  // cell there is masked already, the masked cells that are themselves pinned are loosened first.
  const pickSecondary = (leak: number, lo: Float64Array, hi: Float64Array): { cell: number; as: CellState } | null => {
    let frontier = [leak];
    const seen = new Set(frontier);
    for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
      let large: number | null = null;
      let zero: number | null = null;
      const next: number[] = [];
      for (const i of frontier) {
        for (const e of pinning(i, lo, hi)) {
          for (const j of [...model.plus[e]!, ...model.minus[e]!]) {
            if (seen.has(j)) continue;
            seen.add(j);
            const v = input[j]!.value;
            if (free(j) && v >= SMALL_COUNT && (large === null || v < input[large]!.value || (v === input[large]!.value && model.ids[j]! < model.ids[large]!)))
              large = j;
            else if (free(j) && v === 0 && (zero === null || model.ids[j]! < model.ids[zero]!)) zero = j;
            else if (states[j] !== "published" && pinned(j, lo, hi)) next.push(j);
          }
        }
      }
      if (large !== null) return { cell: large, as: "secondary" };
      if (zero !== null) return { cell: zero, as: "small" };
      frontier = next;
    }
    return null;
  };

  const unresolved = new Set<number>();
  for (let round = 0; round < n + 1; round++) {
    const { lo, hi } = propagate(model, states);
    const leaks: number[] = [];
    for (let i = 0; i < n; i++) if (!unresolved.has(i) && sensitive(i) && pinned(i, lo, hi)) leaks.push(i);
    if (leaks.length === 0) break;
    // Several leaks are mended per round, but never two through the same equation (one mask there
    // may mend both; the next round checks).
    const touched = new Set<number>();
    for (const leak of leaks) {
      if (model.eqsOf[leak]!.some((e) => touched.has(e))) continue;
      const pick = pickSecondary(leak, lo, hi);
      if (pick === null) {
        unresolved.add(leak);
        continue;
      }
      states[pick.cell] = pick.as;
      for (const e of model.eqsOf[leak]!) touched.add(e);
      for (const e of model.eqsOf[pick.cell]!) touched.add(e);
    }
  }

  const result = new Map<string, CellState>();
  states.forEach((state, i) => {
    if (state !== "hidden") result.set(model.ids[i]!, state);
  });
  return { states: result, unresolved: [...unresolved].map((i) => model.ids[i]!) };
}
