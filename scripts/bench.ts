// npm run bench — p50 / p95 of every dashboard view at région, département and territory level,
// on a database filled by `npm run seed:scale`:
//   • server side: getDashboard() as the pages call it (scope, cube catch-up, reads, masking);
//   • full page: HTTP GET of the built app's /ars pages with an ARS session (--http <base URL>:
//     the app must run against the same DATABASE_URL, e.g. `npx next build && npx next start`);
//   • the routing (getRoutingSuggestions) and directory search (searchStructures) of issue 4.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/maillage_scale npm run bench -- [--runs 30] [--http http://localhost:3000 [--load]]
//
//   npm run bench -- --notifications [--runs 200] [--messages 10000]   (scripts/bench-notifications.ts)
//
// Each measure: 3 warm-up calls, then --runs calls one after the other; the table shows the median
// and the 95th percentile (nearest rank) in milliseconds. Target: every view under 300 ms p95.
import { parseArgs } from "node:util";
import os from "node:os";
import { createPrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
    // With --http: N signed-in users filing (then loading the queue) at once for S seconds.
    load: { type: "boolean", default: false },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    // With --http: Lighthouse (mobile) scores of the GP's pages.
    lighthouse: { type: "boolean", default: false },
    // Each user's pause between two requests (ms); 0 = back to back.
    think: { type: "string", default: "0" },
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
  // Beside each view, the plainest SQL computing its headline numbers (requests of the period, the
  // active file, new patients, median triage delay) from the base tables: the ratio is the figure
  // that survives a noisy machine.
  const plainSql = (level: Level, code: string, period: Period) => {
    const area =
      level === "country"
        ? Prisma.sql`true`
        : level === "region"
          ? Prisma.sql`d.region_code = ${code}`
          : level === "department"
            ? Prisma.sql`c.department_code = ${code}`
            : Prisma.sql`r.territory_id = ${code}`;
    return db.$queryRaw`
      SELECT count(*) FILTER (WHERE r.submitted_at >= ${period.from} AND r.submitted_at < ${period.to}) AS requests,
        count(DISTINCT r.patient_id) FILTER (WHERE r.submitted_at < ${period.to} AND coalesce(r.closed_at, 'infinity') >= ${period.from}) AS active_file,
        count(DISTINCT r.patient_id) FILTER (WHERE r.submitted_at >= ${period.from} AND r.submitted_at < ${period.to}
          AND NOT EXISTS (SELECT 1 FROM request p WHERE p.patient_id = r.patient_id AND p.submitted_at < r.submitted_at)) AS new_patients,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.triaged_at - r.submitted_at))
          FILTER (WHERE r.submitted_at >= ${period.from} AND r.submitted_at < ${period.to}) AS triage_median
      FROM request r JOIN commune c ON c.code = r.commune_code JOIN department d ON d.code = c.department_code
      WHERE ${area} AND r.submitted_at < ${period.to}`;
  };
  for (const { name, period } of PERIODS) {
    for (const view of views) {
      await measure(`getDashboard ${name}`, view.label, () => getDashboard({ db, actor: ars, level: view.level, code: view.code, period }));
      await measure(`SQL nu ${name}`, view.label, () => plainSql(view.level, view.code, period));
    }
  }
  console.log("\nCôté serveur — administrateur, France entière :");
  for (const { name, period } of PERIODS.slice(0, 2)) {
    await measure(`getDashboard ${name}`, "France (administrateur)", () => getDashboard({ db, actor: admin, level: "country", code: "FR", period }));
    await measure(`SQL nu ${name}`, "France (administrateur)", () => plainSql("country", "FR", period));
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
    if (args.lighthouse) {
      const { runLighthouse } = await import("./bench/lighthouse");
      const [gpRequest] = await db.$queryRaw<{ id: string; email: string }[]>`
        SELECT r.id, u.email FROM request r JOIN app_user u ON u.id = r.requester_id JOIN password p ON p.user_id = u.id
        WHERE u.role = 'GP' ORDER BY r.submitted_at DESC LIMIT 1`;
      if (!gpRequest) throw new Error("No GP with a password and a request: run the bench with --load once first.");
      const cookie = await signIn(base, gpRequest.email, PASSWORD);
      console.log(
        `\nLighthouse, mobile (charge ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")}) :`,
      );
      const scores = await runLighthouse({
        base,
        pages: [
          { name: "connexion", path: "/connexion" },
          { name: "nouvelle demande", path: "/demandes/nouvelle", cookie },
          { name: "page d'une demande", path: `/demandes/${gpRequest.id}`, cookie },
        ],
      });
      for (const r of scores) {
        console.log(
          `  ${r.page.padEnd(22)} performance ${r.performance}   accessibilité ${r.accessibility}   LCP ${r.lcpMs.toFixed(0)} ms   TBT ${r.tbtMs.toFixed(0)} ms   CLS ${r.cls.toFixed(3)}`,
        );
      }
    }
    if (args.load) {
      const { runLoad } = await import("./bench/load");
      console.log(
        `\nCharge — ${args.users} utilisateurs à la fois pendant ${args.seconds} s, par HTTP, sessions ouvertes, ${Number(args.think) ? `${args.think} ms de pause entre deux envois` : "sans pause"} (charge ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")}) :`,
      );
      for (const r of await runLoad({ db, base, users: Number(args.users), seconds: Number(args.seconds), thinkMs: Number(args.think), signIn })) {
        console.log(
          `  ${r.what.padEnd(60)} ${r.n} requêtes, ${r.rps.toFixed(1)}/s   p50 ${r.p50.toFixed(0)} ms   p95 ${r.p95.toFixed(0)} ms   erreurs ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`,
        );
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

  // Issue 16: the long lists by pages (lib/pagination.ts), for the largest of each, first page and
  // far down; beside each, the plainest SQL that reads the same page (the ratio survives a noisy machine).
  console.log("\nListes par pages (50 par page) :");
  const queues = await import("@/lib/requests/coordination-queries");
  const [busiest] = await db.$queryRaw<{ territory_id: string; name: string; open: number }[]>`
    SELECT r.territory_id, t.name, count(*)::int AS open FROM request r JOIN territory t ON t.id = r.territory_id
    WHERE r.status IN ('SUBMITTED', 'TRIAGE', 'ORIENTED', 'IN_CARE') GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`;
  const nurse = await actorOf(
    (await db.user.findFirstOrThrow({ where: { role: "COORDINATOR", territories: { some: { territoryId: busiest!.territory_id } } }, select: { email: true } }))
      .email,
  );
  const zone = `${busiest!.name} (${busiest!.open.toLocaleString("fr-FR")} ouvertes)`;
  await measure("file de la coordination, page 1", zone, () => queues.listCoordinationQueue({ db, actor: nurse, filters: {} }));
  let far: string | undefined;
  for (let page = 0; page < 20; page++) far = (await queues.listCoordinationQueue({ db, actor: nurse, filters: {}, cursor: far })).next ?? far;
  await measure("file de la coordination, page 21", zone, () => queues.listCoordinationQueue({ db, actor: nurse, filters: {}, cursor: far }));
  await measure(
    "SQL nu : 50 demandes ouvertes du territoire",
    zone,
    () =>
      db.$queryRaw`SELECT id, number, status, triage_due_at, contact_due_at FROM request
      WHERE territory_id = ${busiest!.territory_id} AND status IN ('SUBMITTED', 'TRIAGE', 'ORIENTED', 'IN_CARE')
      ORDER BY coalesce(CASE WHEN status = 'SUBMITTED' THEN triage_due_at ELSE contact_due_at END, 'infinity'), number LIMIT 51`,
  );

  const gps = await import("@/lib/requests/gp-queries");
  const [gpRow] = await db.$queryRaw<{ requester_id: string; n: number }[]>`
    SELECT requester_id, count(*)::int AS n FROM request WHERE requester_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const gp = await actorOf((await db.user.findUniqueOrThrow({ where: { id: gpRow!.requester_id }, select: { email: true } })).email);
  const gpZone = `le médecin aux ${gpRow!.n.toLocaleString("fr-FR")} demandes`;
  await measure("demandes du médecin, page 1", gpZone, () => gps.listMyRequests({ db, actor: gp }));
  await measure(
    "SQL nu : 20 demandes du médecin",
    gpZone,
    () => db.$queryRaw`SELECT id, number, status FROM request WHERE requester_id = ${gp.id} ORDER BY submitted_at DESC, id DESC LIMIT 21`,
  );

  const teams = await import("@/lib/referrals/team-queries");
  const [team] = await db.$queryRaw<{ structure_id: string; name: string; n: number }[]>`
    SELECT f.structure_id, s.name, count(*)::int AS n FROM referral f JOIN structure s ON s.id = f.structure_id
    WHERE f.status IN ('ACCEPTED', 'IN_PROGRESS') GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`;
  // A member of that structure, as the session would load them (the national seed has no team accounts).
  const member: Actor = {
    id: "bench-team-member",
    email: "equipe@bench.invalid",
    name: "Équipe",
    role: "TEAM_MEMBER",
    territoryIds: [],
    departmentCodes: [],
    structureIds: [team!.structure_id],
  };
  const teamZone = `${team!.name} (${team!.n.toLocaleString("fr-FR")} en cours)`;
  await measure("boîte de l'équipe, page 1", teamZone, () => teams.listTeamInbox({ db, actor: member }));
  await measure(
    "SQL nu : 50 prises en charge de l'équipe",
    teamZone,
    () =>
      db.$queryRaw`SELECT f.id, f.status, f.proposed_at FROM referral f JOIN request r ON r.id = f.request_id
      WHERE f.structure_id = ${team!.structure_id} AND f.status IN ('ACCEPTED', 'IN_PROGRESS') ORDER BY r.urgency, f.proposed_at, f.id LIMIT 51`,
  );
  if (directory) {
    let next: string | undefined;
    for (let page = 0; page < 10; page++) next = (await directory.searchStructures({ db, limit: 20, cursor: next })).nextCursor ?? next;
    await measure("annuaire, page 11 (sans filtre)", "France entière", () => directory.searchStructures({ db, limit: 20, cursor: next }));
  }

  console.log("\n| mesure | zone | p50 (ms) | p95 (ms) | max (ms) | p95 / SQL nu |\n|---|---|---:|---:|---:|---:|");
  for (const r of rows) {
    const plain = r.what.startsWith("getDashboard ")
      ? rows.find((x) => x.what === r.what.replace("getDashboard ", "SQL nu ") && x.level === r.level)
      : undefined;
    const ratio = plain ? `${(r.p95 / plain.p95).toFixed(2)}` : "";
    console.log(`| ${r.what} | ${r.level} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${ratio} |`);
  }
  const over = rows.filter((r) => r.p95 >= 300 && !r.level.startsWith("France"));
  console.log(over.length ? `\n${over.length} mesure(s) au-dessus de 300 ms au p95.` : "\nToutes les vues sous 300 ms au p95.");
} finally {
  await db.$disconnect();
}

// next-auth (credentials): the CSRF token and its cookie, then the sign-in POST; returns the
// session cookie header.
async function signIn(base: string, email: string, password: string, forwardedFor?: string): Promise<string> {
  const via: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: via });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    // The app refuses a POST without its own Origin (lib/security/headers.ts), as a browser sends it.
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: new URL(base).origin, ...via },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in of ${email} failed (HTTP ${response.status}).`);
  return header();
}
