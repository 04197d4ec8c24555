// npm run bench — p50 / p95 of every dashboard view at région, département and territory level,
// on a database filled by `npm run seed:scale`:
//   • server side: getDashboard() as the pages call it (scope, cube catch-up, reads, masking);
//   • full page: HTTP GET of the built app's /ars pages with an ARS session (--http <base URL>:
//     the app must run against the same DATABASE_URL, e.g. `npx next build && npx next start`);
//   • the routing (getRoutingSuggestions) and directory search (searchStructures) of issue 4.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/maillage_scale npm run bench -- [--runs 30] [--http http://localhost:3000]
//
//   npm run bench -- --notifications [--runs 200] [--messages 10000]   (scripts/bench-notifications.ts)
//
// Each measure: 3 warm-up calls, then --runs calls one after the other; the table shows the median
// and the 95th percentile (nearest rank) in milliseconds. Target: every view under 300 ms p95.
import { parseArgs } from "node:util";
import os from "node:os";
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/auth/load-actor";
import type { Level, Period } from "@/lib/dashboards/types";
import { parisTime, parisYear } from "@/lib/time";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    http: { type: "string" },
    only: { type: "string" },
    notifications: { type: "boolean" },
    messages: { type: "string" },
  },
});
// --notifications: the outbox's cost and the delivery's speed, in a scratch database of its own.
if (args.notifications) {
  await import("./bench-notifications");
  process.exit(0);
}
const RUNS = Number(args.runs);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a database filled by npm run seed:scale.");
  process.exit(2);
}
// Same accounts as scripts/seed-scale.ts (not imported: that module runs the seed when loaded).
const ARS_EMAIL = "ars.bench@scale.maillage.example";
const ADMIN_EMAIL = "admin.bench@scale.maillage.example";
const PASSWORD = "Maillage-scale-2026";

const db = createPrismaClient(url);
// Loaded after DATABASE_URL is known (lib/env validates the environment on first use).
process.env.NEXTAUTH_SECRET ??= "bench-secret-not-used-to-sign-anything-here";
const { getDashboard } = await import("@/lib/dashboards/indicators");

type Row = { what: string; level: string; p50: number; p95: number; max: number; n: number };
const rows: Row[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function measure(what: string, level: string, fn: () => Promise<unknown>): Promise<void> {
  if (args.only && !what.includes(args.only)) return;
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const row = { what, level, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1]!, n: RUNS };
  rows.push(row);
  console.log(`  ${what.padEnd(44)} ${level.padEnd(34)} p50 ${row.p50.toFixed(0).padStart(5)} ms   p95 ${row.p95.toFixed(0).padStart(5)} ms`);
}

async function actorOf(email: string): Promise<Actor> {
  const actor = await loadActor({ db, email });
  if (!actor) throw new Error(`No active account ${email}: run npm run seed:scale first.`);
  return actor;
}

const thisYear = parisYear();
const PERIODS: { name: string; period: Period; param: string }[] = [
  { name: `année ${thisYear - 1}`, period: { from: parisTime(thisYear - 1, 1, 1, 0, 0), to: parisTime(thisYear, 1, 1, 0, 0) }, param: `annee=${thisYear - 1}` },
  {
    name: `année ${thisYear} (en cours)`,
    period: { from: parisTime(thisYear, 1, 1, 0, 0), to: parisTime(thisYear + 1, 1, 1, 0, 0) },
    param: `annee=${thisYear}`,
  },
  {
    name: "15/03 → 10/09 (jours)",
    period: { from: parisTime(thisYear - 1, 3, 15, 0, 0), to: parisTime(thisYear - 1, 9, 11, 0, 0) },
    param: `du=${thisYear - 1}-03-15&au=${thisYear - 1}-09-10`,
  },
  {
    name: "dix ans",
    period: { from: parisTime(thisYear - 9, 1, 1, 0, 0), to: parisTime(thisYear + 1, 1, 1, 0, 0) },
    param: `du=${thisYear - 9}-01-01&au=${thisYear}-12-31`,
  },
];

try {
  const ars = await actorOf(ARS_EMAIL);
  const admin = await actorOf(ADMIN_EMAIL);
  // The areas: the ARS's région, its most and least populous départements, the largest territory.
  const region = "84";
  const departments = await db.$queryRaw<{ code: string; name: string; population: number }[]>`
    SELECT d.code, d.name, sum(c.population)::int AS population FROM department d JOIN commune c ON c.department_code = d.code
    WHERE d.region_code = ${region} GROUP BY 1, 2 ORDER BY 3 DESC`;
  const big = departments[0]!;
  const small = departments[departments.length - 1]!;
  const [territory] = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT t.id, t.name FROM territory t JOIN territory_commune tc ON tc.territory_id = t.id JOIN commune c ON c.code = tc.commune_code
    WHERE t.department_code = ${big.code} GROUP BY 1, 2 ORDER BY sum(c.population) DESC LIMIT 1`;
  const [facts] = await db.$queryRaw<
    { requests: number; events: number }[]
  >`SELECT (SELECT count(*)::int FROM request) AS requests, (SELECT count(*)::int FROM "event") AS events`;
  const views: { level: Level; code: string; label: string }[] = [
    { level: "region", code: region, label: "région Auvergne-Rhône-Alpes" },
    { level: "department", code: big.code, label: `département ${big.code} ${big.name}` },
    { level: "department", code: small.code, label: `département ${small.code} ${small.name}` },
    { level: "territory", code: territory!.id, label: `territoire ${territory!.name}` },
  ];
  console.log(
    `Banc d'essai : ${facts!.requests.toLocaleString("fr-FR")} demandes, ${facts!.events.toLocaleString("fr-FR")} événements ; ${os.cpus().length} cœurs, charge ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} ; ${RUNS} mesures par ligne.\n`,
  );

  console.log("Côté serveur — getDashboard (ARS de la région, petits effectifs masqués) :");
  for (const { name, period } of PERIODS) {
    for (const view of views)
      await measure(`getDashboard ${name}`, view.label, () => getDashboard({ db, actor: ars, level: view.level, code: view.code, period }));
  }
  console.log("\nCôté serveur — administrateur, France entière :");
  for (const { name, period } of PERIODS.slice(0, 2)) {
    await measure(`getDashboard ${name}`, "France (administrateur)", () => getDashboard({ db, actor: admin, level: "country", code: "FR", period }));
  }

  if (args.http) {
    const base = args.http.replace(/\/$/, "");
    const cookie = await signIn(base, ARS_EMAIL, PASSWORD);
    const param = { region: "region", department: "departement", territory: "territoire", country: "france" } as const;
    console.log(`\nPage complète — GET ${base}/ars (session ARS, HTML rendu côté serveur) :`);
    for (const { name, param: periodParam } of PERIODS.slice(0, 3)) {
      for (const view of views) {
        const path = `/ars?niveau=${param[view.level]}&code=${encodeURIComponent(view.code)}&${periodParam}`;
        await measure(`GET /ars ${name}`, view.label, async () => {
          const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
          const body = await response.text();
          if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 200)}`);
        });
      }
    }
  } else {
    console.log("\n(Page complète : relancez avec --http http://localhost:3000, l'application tournant sur la même base.)");
  }

  // Issue 4: routing suggestions and directory search, on the same national data.
  console.log("\nOrientation et annuaire :");
  const routing = await import("@/lib/routing/suggest-for-request").catch(() => null);
  if (routing) {
    const open = await db.request.findMany({
      where: { status: { in: ["TRIAGE", "ORIENTED"] }, territoryId: territory!.id },
      select: { id: true, territoryId: true },
      orderBy: { submittedAt: "desc" },
      take: RUNS + 3,
    });
    const coordinator = await actorOf(
      (await db.user.findFirstOrThrow({ where: { role: "COORDINATOR", territories: { some: { territoryId: territory!.id } } }, select: { email: true } }))
        .email,
    );
    let i = 0;
    await measure("getRoutingSuggestions", `demandes ouvertes, ${territory!.name}`, () =>
      routing.getRoutingSuggestions({ db, actor: coordinator, requestId: open[i++ % open.length]!.id }),
    );
  }
  const directory = await import("@/lib/directory/search-structures").catch(() => null);
  if (directory) {
    const communes = await db.$queryRaw<{ code: string }[]>`SELECT code FROM commune ORDER BY population DESC LIMIT 40`;
    let i = 0;
    await measure("searchStructures", "commune + besoin (40 grandes villes)", () =>
      directory.searchStructures({ db, communeCode: communes[i++ % communes.length]!.code, need: "PALLIATIVE_CARE", limit: 20 }),
    );
    await measure("searchStructures", "besoin seul, France entière", () => directory.searchStructures({ db, need: "PAIN", limit: 20 }));
  }

  console.log("\n| mesure | zone | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.what} | ${r.level} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} |`);
  const over = rows.filter((r) => r.p95 >= 300 && !r.level.startsWith("France"));
  console.log(over.length ? `\n${over.length} mesure(s) au-dessus de 300 ms au p95.` : "\nToutes les vues sous 300 ms au p95.");
} finally {
  await db.$disconnect();
}

// next-auth (credentials): the CSRF token and its cookie, then the sign-in POST; returns the
// session cookie header.
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}).`);
  return header();
}
