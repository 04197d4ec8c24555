import { describe, expect, test } from "vitest";
import { maskCounts, type CellInput, type Equation } from "@/lib/dashboards/mask";

const cells = (values: Record<string, number>): CellInput[] => Object.entries(values).map(([id, value]) => ({ id, value }));
const sum = (total: string, parts: string[]): Equation => ({ plus: parts, minus: [total] });
const states = (result: ReturnType<typeof maskCounts>) => Object.fromEntries(result.states);

describe("maskCounts", () => {
  test("masks 1 to 4 as small, shows zero and five", () => {
    const result = maskCounts({ cells: cells({ a: 0, b: 1, c: 4, d: 5 }), equations: [] });
    expect(states(result)).toEqual({ a: "published", b: "small", c: "small", d: "published" });
  });

  test("one small cell in a breakdown with its total: the smallest other cell is masked too", () => {
    // total 60 = 3 + 12 + 45: without a second mask, 60 − 12 − 45 gives the 3 back.
    const result = maskCounts({ cells: cells({ total: 60, gp: 3, hospital: 12, family: 45 }), equations: [sum("total", ["gp", "hospital", "family"])] });
    expect(states(result)).toEqual({ total: "published", gp: "small", hospital: "secondary", family: "published" });
    expect(result.unresolved).toEqual([]);
  });

  test("two small cells are not enough when their sum gives them away (1 + 1 = 2)", () => {
    const result = maskCounts({ cells: cells({ total: 22, a: 1, b: 1, c: 20 }), equations: [sum("total", ["a", "b", "c"])] });
    expect(states(result)).toMatchObject({ a: "small", b: "small", c: "secondary" });
  });

  test("two small cells whose sum leaves room (1 + 2) need no third mask", () => {
    const result = maskCounts({ cells: cells({ total: 23, a: 1, b: 2, c: 20 }), equations: [sum("total", ["a", "b", "c"])] });
    expect(states(result)).toEqual({ total: "published", a: "small", b: "small", c: "published" });
  });

  test("a hidden residual of 1 to 4 patients (still open) is protected like a cell", () => {
    // 40 requests, 30 + 7 closed: 3 still open would be known exactly.
    const input: CellInput[] = [...cells({ requests: 40, met: 30, deceased: 7 }), { id: "open", value: 3, hidden: { min: 0, max: Infinity, sensitive: true } }];
    const result = maskCounts({ cells: input, equations: [sum("requests", ["met", "deceased", "open"])] });
    expect(states(result)).toEqual({ requests: "published", met: "published", deceased: "secondary" });
  });

  test("a hidden residual that is not a patient count is left alone", () => {
    const input: CellInput[] = [
      ...cells({ requests: 40, met: 30, deceased: 7 }),
      { id: "open", value: 3, hidden: { min: 0, max: Infinity, sensitive: false } },
    ];
    expect(states(maskCounts({ cells: input, equations: [sum("requests", ["met", "deceased", "open"])] }))).toEqual({
      requests: "published",
      met: "published",
      deceased: "published",
    });
  });

  test("a région and its départements: the masked département cannot be recovered from the région", () => {
    const result = maskCounts({
      cells: [{ id: "region", value: 103, fixed: "published" }, ...cells({ d1: 3, d2: 100 })],
      equations: [sum("region", ["d1", "d2"])],
    });
    expect(states(result)).toEqual({ region: "published", d1: "small", d2: "secondary" });
  });

  test("cells decided on a parent's dashboard are kept, and its masks stay protected by the children", () => {
    // Parent: 20 = a 3 (small) + b 7 (secondary) + c 10. Its only child repeats b: showing the
    // child's 7 would give the parent's b, then its a. So the child's b is masked too.
    const result = maskCounts({
      cells: [
        { id: "p.total", value: 20, fixed: "published" },
        { id: "p.a", value: 3, fixed: "small" },
        { id: "p.b", value: 7, fixed: "secondary" },
        { id: "p.c", value: 10, fixed: "published" },
        ...cells({ "c.total": 20, "c.a": 3, "c.b": 7, "c.c": 10 }),
      ],
      equations: [
        sum("p.total", ["p.a", "p.b", "p.c"]),
        sum("c.total", ["c.a", "c.b", "c.c"]),
        ...["total", "a", "b", "c"].map((k) => sum(`p.${k}`, [`c.${k}`])),
      ],
    });
    expect(states(result)).toMatchObject({
      "p.a": "small",
      "p.b": "secondary",
      "c.a": "small",
      "c.b": "secondary",
      "c.c": "published",
      "c.total": "published",
    });
    expect(result.unresolved).toEqual([]);
  });

  test("only small cells and a total of five: the total goes too (1+1+1+1+1 would be certain)", () => {
    const result = maskCounts({ cells: cells({ total: 5, a: 1, b: 1, c: 1, d: 1, e: 1 }), equations: [sum("total", ["a", "b", "c", "d", "e"])] });
    expect(states(result).total).toBe("secondary");
  });

  test("four children with 1 each under a parent of 4: a zero child is masked too, so nobody knows which ones hold the cases", () => {
    const result = maskCounts({
      cells: [{ id: "region", value: 4, fixed: "small" }, ...cells({ d1: 1, d2: 1, d3: 1, d4: 1, d5: 0, d6: 0 })],
      equations: [sum("region", ["d1", "d2", "d3", "d4", "d5", "d6"])],
    });
    expect(states(result)).toEqual({ region: "small", d1: "small", d2: "small", d3: "small", d4: "small", d5: "small", d6: "published" });
    expect(result.unresolved).toEqual([]);
  });

  test("reports what it cannot protect instead of looping", () => {
    const result = maskCounts({
      cells: [
        { id: "total", value: 10, fixed: "published" },
        { id: "a", value: 3 },
        { id: "b", value: 7, fixed: "published" },
      ],
      equations: [sum("total", ["a", "b"])],
    });
    expect(result.unresolved).toEqual(["a"]);
  });

  test("every masked cell keeps at least two possible values, on a larger random table", () => {
    // 6 areas × 5 categories with row and column totals, many small cells: after masking, no
    // small cell is pinned down by the row and column sums (checked by brute force per cell).
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values: Record<string, number> = {};
    const equations: Equation[] = [];
    for (let r = 0; r < 6; r++) for (let c = 0; c < 5; c++) values[`r${r}c${c}`] = Math.floor(random() * 9);
    for (let r = 0; r < 6; r++) {
      values[`r${r}`] = [0, 1, 2, 3, 4].reduce((s, c) => s + values[`r${r}c${c}`]!, 0);
      equations.push(
        sum(
          `r${r}`,
          [0, 1, 2, 3, 4].map((c) => `r${r}c${c}`),
        ),
      );
    }
    for (let c = 0; c < 5; c++) {
      values[`c${c}`] = [0, 1, 2, 3, 4, 5].reduce((s, r) => s + values[`r${r}c${c}`]!, 0);
      equations.push(
        sum(
          `c${c}`,
          [0, 1, 2, 3, 4, 5].map((r) => `r${r}c${c}`),
        ),
      );
    }
    const result = maskCounts({ cells: cells(values), equations });
    expect(result.unresolved).toEqual([]);
    // A small cell is safe if its row or column has another masked cell (interval audit of a
    // two-way table: a lone masked cell in a published line is the only way to pin it).
    for (const [id, state] of result.states) {
      if (state !== "small" || !/^r\dc\d$/.test(id)) continue;
      const [r, c] = [id[1], id[3]];
      const rowMasked = [0, 1, 2, 3, 4].filter((k) => result.states.get(`r${r}c${k}`) !== "published").length;
      const colMasked = [0, 1, 2, 3, 4, 5].filter((k) => result.states.get(`r${k}c${c}`) !== "published").length;
      expect(rowMasked > 1 || result.states.get(`r${r}`) !== "published").toBe(true);
      expect(colMasked > 1 || result.states.get(`c${c}`) !== "published").toBe(true);
    }
  });
});
