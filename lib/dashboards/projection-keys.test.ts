import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZEvent } from "@/lib/audit";

// The dashboards' projection (a trigger on "event") and its rebuild read event payloads in SQL,
// where nothing checks a key against the events the application writes. A key that no event
// carries reads NULL and silently falls back (or drops a row): this test reads the latest
// definition of each function in the migrations and checks every key against ZEvent.

const migrations = path.join(process.cwd(), "prisma", "migrations");

function latestDefinition(name: string): string {
  const pattern = new RegExp(`CREATE (?:OR REPLACE )?FUNCTION ${name}\\([^)]*\\)[\\s\\S]*?\\$\\$([\\s\\S]*?)\\$\\$`, "g");
  let body: string | undefined;
  for (const dir of readdirSync(migrations).sort()) {
    if (dir.endsWith(".toml")) continue;
    const sql = readFileSync(path.join(migrations, dir, "migration.sql"), "utf8");
    for (const match of sql.matchAll(pattern)) body = match[1];
  }
  if (!body) throw new Error(`no definition of ${name} in prisma/migrations`);
  return body;
}

const dataKeys = new Map<string, Set<string>>(ZEvent.options.map((option) => [option.shape.type.value, new Set(Object.keys(option.shape.data.shape))]));

function keysRead(sql: string, source: string): string[] {
  return [...sql.matchAll(new RegExp(`${source}\\s*->>?\\s*'(\\w+)'`, "g"))].map((m) => m[1]!);
}

// Keys that none of the selected event types carries (a branch over two types may read a key of
// one of them: `reason` of a decline reads NULL for an acceptance, by design).
function missing(types: string[], keys: string[]): string[] {
  return keys.filter((key) => !types.some((type) => dataKeys.get(type)?.has(key))).map((key) => `${types.join("|")}: ${key}`);
}

describe("the dashboards' projection reads only keys that the events carry", () => {
  it("dashboard_project_event: each WHEN branch reads keys of its own event types", () => {
    const body = latestDefinition("dashboard_project_event");
    const branches = body.split(/\n  WHEN\s+((?:'[\w.]+'\s*,?\s*)+)THEN/).slice(1);
    expect(branches.length).toBeGreaterThan(8);
    const problems: string[] = [];
    for (let i = 0; i < branches.length; i += 2) {
      const types = [...branches[i]!.matchAll(/'([\w.]+)'/g)].map((m) => m[1]!);
      problems.push(...missing(types, keysRead(branches[i + 1]!, "\\bd")));
    }
    expect(problems).toEqual([]);
  });

  it("dashboard_rebuild: each CTE reads keys of the event types it selects", () => {
    const body = latestDefinition("dashboard_rebuild");
    const ctes = [...body.matchAll(/(\w+) AS \(([\s\S]*?)\n {2}\)/g)].map((m) => ({ name: m[1]!, sql: m[2]! }));
    const typesOf = (sql: string) =>
      [...sql.matchAll(/e\.type\s*(?:=\s*'([\w.]+)'|IN\s*\(([^)]*)\))/g)].flatMap((m) =>
        m[1] ? [m[1]] : [...m[2]!.matchAll(/'([\w.]+)'/g)].map((x) => x[1]!),
      );
    const submitted = typesOf(ctes.find((c) => c.name === "submitted")?.sql ?? "");
    expect(submitted).toEqual(["request.submitted"]);
    const problems = ctes.flatMap((cte) => [
      ...missing(typesOf(cte.sql), keysRead(cte.sql, "e\\.data")),
      // `s.d` is the payload of the submission selected by the CTE "submitted".
      ...missing(submitted, keysRead(cte.sql, "\\bs\\.d")),
    ]);
    expect(ctes.length).toBeGreaterThan(6);
    expect(problems).toEqual([]);
  });

  it("the submission carries what the projection reads from it", () => {
    expect([...(dataKeys.get("request.submitted") ?? [])]).toEqual(expect.arrayContaining(["requesterKind", "communeCode", "territoryId", "patientId"]));
  });
});
