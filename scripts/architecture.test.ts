// The layout's rules, checked on the tree: dependencies between domain folders of lib/ point one
// way (no cycle), and lib/ never imports from app/ or components/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const root = path.resolve(__dirname, "..");
const lib = path.join(root, "lib");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const imports = (file: string) => [...readFileSync(file, "utf8").matchAll(/from "@\/([^"]+)"/g)].map((m) => m[1]!);

const domains = readdirSync(lib).filter((name) => name !== "generated" && statSync(path.join(lib, name)).isDirectory());
const edges = new Map<string, Set<string>>(domains.map((d) => [d, new Set<string>()]));
for (const domain of domains) {
  for (const file of sources(path.join(lib, domain))) {
    for (const target of imports(file)) {
      const [top, other] = target.split("/");
      if (top === "lib" && other && other !== domain && edges.has(other)) edges.get(domain)!.add(other);
    }
  }
}

function cycleFrom(start: string): string[] | null {
  const walk = (node: string, trail: string[]): string[] | null => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) return [...trail, next];
      if (!trail.includes(next)) {
        const found = walk(next, [...trail, next]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(start, [start]);
}

test("no import cycle between the domain folders of lib/", () => {
  expect(domains.length).toBeGreaterThan(5);
  const cycles = domains
    .map(cycleFrom)
    .filter((c): c is string[] => c !== null)
    .map((c) => c.join(" → "));
  expect(cycles).toEqual([]);
});

test("lib/ never imports from app/ or components/", () => {
  const wrong = sources(lib).flatMap((file) =>
    imports(file)
      .filter((t) => /^(app|components)\//.test(t))
      .map((t) => `${path.relative(root, file)} → ${t}`),
  );
  expect(wrong).toEqual([]);
});
