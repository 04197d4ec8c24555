import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor, keysetAfter, pageHref, pageOf } from "@/lib/pagination";

const Key = z.tuple([z.number().int(), z.string()]);

describe("cursors", () => {
  it("round-trip a key, and read anything else as no cursor", () => {
    expect(decodeCursor(encodeCursor([3, "abc"]), Key)).toEqual([3, "abc"]);
    for (const bad of [undefined, "", "%%%", encodeCursor(["3", "abc"]), encodeCursor([3]), "x".repeat(600), Buffer.from("{").toString("base64url")]) {
      expect(decodeCursor(bad, Key)).toBeNull();
    }
  });

  it("(a, b) after (x, y): a > x, or a = x and b > y; descending fields compare the other way", () => {
    expect(
      keysetAfter([
        { field: "a", value: 1 },
        { field: "b", value: 2, desc: true },
      ]),
    ).toEqual({
      OR: [{ AND: [{ a: { gt: 1 } }] }, { AND: [{ a: 1 }, { b: { lt: 2 } }] }],
    });
  });

  it("a page is the first `size` rows, with a next cursor only when more was read", () => {
    expect(pageOf([1, 2, 3], 2, (n) => [n])).toEqual({ items: [1, 2], next: encodeCursor([2]) });
    expect(pageOf([1, 2], 2, (n) => [n])).toEqual({ items: [1, 2], next: null });
  });

  it("the next page's URL keeps the filters and replaces the cursor", () => {
    expect(pageHref("/coordination", { statut: "TRIAGE", apres: "old", besoin: ["PAIN", "X"] }, "new")).toBe(
      "/coordination?statut=TRIAGE&besoin=PAIN&besoin=X&apres=new",
    );
    expect(pageHref("/coordination", { apres: "old" }, null)).toBe("/coordination");
  });
});
