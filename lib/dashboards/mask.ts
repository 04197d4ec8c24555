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

type Bounds = { lo: number; hi: number };

const isSmall = (value: number) => value >= 1 && value < SMALL_COUNT;

function initialBounds(cell: CellInput, state: CellState | "hidden"): Bounds {
  switch (state) {
    case "published":
      return { lo: cell.value, hi: cell.value };
    case "small":
      return { lo: 1, hi: SMALL_COUNT - 1 };
    case "secondary":
      return { lo: SMALL_COUNT, hi: Infinity };
    case "hidden":
      return { lo: cell.hidden!.min, hi: cell.hidden!.max };
  }
}

// What an observer can infer: each cell's interval, tightened equation by equation until nothing
// moves (bounded number of passes: the tables are shallow).
function propagate(cells: Map<string, CellInput>, states: Map<string, CellState | "hidden">, equations: Equation[]): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [id, cell] of cells) bounds.set(id, initialBounds(cell, states.get(id)!));
  const get = (id: string) => bounds.get(id) ?? { lo: 0, hi: 0 };

  for (let pass = 0; pass < 100; pass++) {
    let changed = false;
    for (const eq of equations) {
      // Side sums of the lower and upper bounds, counting infinite bounds apart.
      const side = (ids: string[]) => {
        let lo = 0;
        let hi = 0;
        let loInf = 0;
        let hiInf = 0;
        for (const id of ids) {
          const b = get(id);
          if (b.lo === -Infinity) loInf++;
          else lo += b.lo;
          if (b.hi === Infinity) hiInf++;
          else hi += b.hi;
        }
        return { lo, hi, loInf, hiInf };
      };
      const plus = side(eq.plus);
      const minus = side(eq.minus);
      const tighten = (id: string, own: typeof plus, other: typeof plus) => {
        const b = bounds.get(id);
        if (!b) return; // a zero absent from the input: nothing to learn
        // x = Σ other − Σ (own without x)
        const ownLoRest = own.loInf - (b.lo === -Infinity ? 1 : 0) > 0 ? -Infinity : own.lo - (b.lo === -Infinity ? 0 : b.lo);
        const ownHiRest = own.hiInf - (b.hi === Infinity ? 1 : 0) > 0 ? Infinity : own.hi - (b.hi === Infinity ? 0 : b.hi);
        const otherLo = other.loInf > 0 ? -Infinity : other.lo;
        const otherHi = other.hiInf > 0 ? Infinity : other.hi;
        const lo = otherLo === -Infinity || ownHiRest === Infinity ? -Infinity : otherLo - ownHiRest;
        const hi = otherHi === Infinity || ownLoRest === -Infinity ? Infinity : otherHi - ownLoRest;
        const next = { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi) };
        // An empty interval means figures read a moment apart disagree (a request filed between
        // two queries): learn nothing from this equation rather than something false.
        if ((next.lo > b.lo || next.hi < b.hi) && next.lo <= next.hi) {
          bounds.set(id, next);
          changed = true;
        }
      };
      for (const id of eq.plus) tighten(id, plus, minus);
      for (const id of eq.minus) tighten(id, minus, plus);
    }
    if (!changed) break;
  }
  return bounds;
}

function isSensitive(cell: CellInput, state: CellState | "hidden"): boolean {
  if (state === "small") return true;
  return state === "hidden" && cell.hidden!.sensitive && isSmall(cell.value);
}

export function maskCounts({ cells: input, equations }: { cells: CellInput[]; equations: Equation[] }): MaskResult {
  const cells = new Map(input.map((c) => [c.id, c]));
  const states = new Map<string, CellState | "hidden">();
  for (const c of input) states.set(c.id, c.hidden ? "hidden" : (c.fixed ?? (isSmall(c.value) ? "small" : "published")));

  const byCell = new Map<string, Equation[]>();
  for (const eq of equations) {
    for (const id of [...eq.plus, ...eq.minus]) {
      if (!byCell.has(id)) byCell.set(id, []);
      byCell.get(id)!.push(eq);
    }
  }

  // A visible cell that may still be masked: shown so far, not decided earlier, and large.
  const candidate = (id: string) => {
    const c = cells.get(id);
    return c !== undefined && !c.fixed && states.get(id) === "published" && c.value >= SMALL_COUNT;
  };
  // Near the leaking cell first (its own equations), then one and two equations further.
  const pickSecondary = (leak: string): string | null => {
    let frontier = [leak];
    const seen = new Set(frontier);
    for (let depth = 0; depth < 3; depth++) {
      const found = new Set<string>();
      const next: string[] = [];
      for (const id of frontier) {
        for (const eq of byCell.get(id) ?? []) {
          for (const other of [...eq.plus, ...eq.minus]) {
            if (seen.has(other)) continue;
            seen.add(other);
            if (candidate(other)) found.add(other);
            else if (states.get(other) !== "published") next.push(other);
          }
        }
      }
      if (found.size > 0) {
        return [...found].sort((a, b) => cells.get(a)!.value - cells.get(b)!.value || (a < b ? -1 : a > b ? 1 : 0))[0]!;
      }
      frontier = next;
    }
    return null;
  };

  const unresolved = new Set<string>();
  for (let round = 0; round < input.length + 1; round++) {
    const bounds = propagate(cells, states, equations);
    const leak = input.find((c) => !unresolved.has(c.id) && isSensitive(c, states.get(c.id)!) && bounds.get(c.id)!.lo === bounds.get(c.id)!.hi);
    if (!leak) break;
    const secondary = pickSecondary(leak.id);
    if (secondary) states.set(secondary, "secondary");
    else unresolved.add(leak.id);
  }

  const result = new Map<string, CellState>();
  for (const [id, state] of states) if (state !== "hidden") result.set(id, state);
  return { states: result, unresolved: [...unresolved] };
}
