// npm run seed:scale — a national-size synthetic history in DATABASE_URL, for measuring the
// dashboards (npm run bench): every French commune, ~130 territories covering them (one per
// département, the populous ones split; Guyane and Mayotte left without a territory, so that unmet
// requests exist), ~20,000 structures with a realistic mix of types, coverage and beds, and ~1.5
// million requests over ten years with their referrals and their events. Then the dashboards'
// facts are rebuilt from the event log (dashboard_rebuild), as the projection would have kept them.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/maillage_scale npm run seed:scale
//   options: --requests 1500000  --years 10  --reset (replace an earlier scale history)
//
// Refuses without DATABASE_URL, and on a database holding anything but demo data (a territory or
// structure not marked demo, an account outside the demo domains). Everything is generated in SQL
// (INSERT … SELECT over generate_series): no row crosses the network. Synthetic identities only
// ("Patient 12"), no free text but "Données synthétiques."; phone numbers in the ranges ARCEP
// reserves for fiction (01 99 00 xx xx).
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { upsertUser } from "@/tests/factories/users";
import { applyMigrations } from "./db/migrations";
import { redactUrl } from "./db/server";

const { values: args } = parseArgs({
  options: { requests: { type: "string", default: "1500000" }, years: { type: "string", default: "10" }, reset: { type: "boolean", default: false } },
});
const REQUESTS = Number(args.requests);
const YEARS = Number(args.years);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1000 || !Number.isInteger(YEARS) || YEARS < 1 || YEARS > 20) {
  console.error("Usage: npm run seed:scale -- [--requests 1500000] [--years 10] [--reset]");
  process.exit(2);
}

// Accounts to sign in with for the benchmark (scale data only, like the demo password).
export const SCALE_PASSWORD = "Maillage-scale-2026";
export const SCALE_ARS_EMAIL = "ars.bench@scale.maillage.example"; // every territory of one région
export const SCALE_ADMIN_EMAIL = "admin.bench@scale.maillage.example";
export const SCALE_ARS_REGION = "84"; // Auvergne-Rhône-Alpes: 12 départements, 8 million inhabitants
const DOMAINS = ["@demo.maillage.fr", "@scale.maillage.example"];
// No territory: the requests of these départements are unmet (no coordination there yet).
const UNCOVERED_DEPARTMENTS = ["973", "976"];

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("seed:scale writes millions of rows: set DATABASE_URL to the database to fill (e.g. postgresql://postgres@127.0.0.1:5432/maillage_scale).");
  process.exit(2);
}

const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const client = new pg.Client({ connectionString: url });
let step = 0;
const STEPS = 15;

async function run(label: string, sql: string, params: unknown[] = []): Promise<number> {
  const t = performance.now();
  process.stdout.write(`[${++step}/${STEPS}] ${label}…`);
  const result = await client.query(sql, params);
  const rows = Array.isArray(result) ? result.reduce((n, r: pg.QueryResult) => n + (r.rowCount ?? 0), 0) : (result.rowCount ?? 0);
  process.stdout.write(` ${rows.toLocaleString("fr-FR")} lignes, ${seconds(t)}\n`);
  return rows;
}

async function count(sql: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

async function refuseRealData(): Promise<void> {
  const domains = DOMAINS.map((d) => `%${d}`);
  const { rows } = await client.query<{ territories: string; structures: string; users: string }>(
    `SELECT (SELECT count(*) FROM territory WHERE NOT is_demo) AS territories,
            (SELECT count(*) FROM structure WHERE NOT is_demo) AS structures,
            (SELECT count(*) FROM app_user WHERE NOT (email LIKE ANY($1::text[]))) AS users`,
    [domains],
  );
  const found = rows[0]!;
  if (Number(found.territories) + Number(found.structures) + Number(found.users) > 0) {
    console.error(
      `Refused: ${redactUrl(url!)} holds data that is not demo data (${found.territories} territory(ies) and ${found.structures} structure(s) not marked demo, ` +
        `${found.users} account(s) outside ${DOMAINS.join(" and ")}). seed:scale only runs on a scratch database.`,
    );
    process.exit(1);
  }
}

// The requests, their referrals and events are replaced as a whole (a demo-only database: checked).
// CASCADE: and every table that hangs on a request or a patient (consents, messages, grids…).
const REQUEST_TABLES = `"event", request_note, referral, request, patient, request_fact, referral_fact, intervention_fact, dashboard_cell, dashboard_projection`;

async function removeEarlierScaleData(): Promise<void> {
  await client.query(`TRUNCATE ${REQUEST_TABLES} CASCADE`);
  await client.query(`DELETE FROM structure WHERE id LIKE 'ss%'`);
  await client.query(`DELETE FROM app_user WHERE email LIKE '%@scale.maillage.example'`);
  await client.query(`DELETE FROM territory WHERE id LIKE 'st-%'`);
}

try {
  await client.connect();
  console.log(`seed:scale → ${redactUrl(url)} : ${REQUESTS.toLocaleString("fr-FR")} demandes sur ${YEARS} ans.`);
  await applyMigrations({ connectionString: url, log: (m) => console.log(`  ${m}`) });
  await refuseRealData();
  const earlier = await count(`SELECT count(*) AS n FROM territory WHERE id LIKE 'st-%'`);
  if (earlier > 0 && !args.reset) {
    console.error("This database already holds a scale history: run again with --reset to replace it.");
    process.exit(1);
  }
  if (earlier > 0 || (await count(`SELECT count(*) AS n FROM request`)) > 0) {
    console.log("Replacing the earlier requests, events and scale data…");
    await removeEarlierScaleData();
  }

  // Geography, demo territories and demo accounts (idempotent): the app stays usable as a demo.
  const prisma = createPrismaClient(url);
  try {
    await seedDemo({ db: prisma });
  } finally {
    await prisma.$disconnect();
  }

  // Bulk-load settings for this session only. JIT compilation costs seconds on statements the
  // planner thinks huge (generate_series): off.
  await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET jit = off;
    SET maillage.dashboard_projection = 'off'; SET TIME ZONE 'UTC'`);
  // Foreign keys are checked row by row on insert; the generated rows are consistent by
  // construction, so a superuser skips the checks (others keep them, slower).
  await client.query(`SET session_replication_role = replica`).catch(() => console.log("  (contrôles de clés étrangères maintenus : pas superutilisateur)"));

  // ── territories: the communes no territory covers yet, per département, the populous ones split
  // in 2 or 3 by postal code (neighbouring communes share one); Guyane and Mayotte left out.
  await run(
    "Territoires",
    `CREATE TEMP TABLE scale_commune AS
       SELECT c.code, c.department_code, c.population, coalesce(c.postal_codes[1], c.code) AS postal FROM commune c
       WHERE NOT EXISTS (SELECT 1 FROM territory_commune tc WHERE tc.commune_code = c.code)
         AND c.department_code <> ALL(ARRAY[${UNCOVERED_DEPARTMENTS.map((d) => `'${d}'`).join(", ")}]);
     CREATE TEMP TABLE scale_dept AS
       SELECT department_code AS code, CASE WHEN sum(population) > 1500000 THEN 3 WHEN sum(population) > 750000 THEN 2 ELSE 1 END AS parts
       FROM scale_commune GROUP BY 1;
     CREATE TEMP TABLE scale_tc AS
       SELECT c.code AS commune_code, 'st-' || c.department_code || '-' || ntile(d.parts) OVER (PARTITION BY c.department_code ORDER BY c.postal, c.code) AS territory_id, d.parts
       FROM scale_commune c JOIN scale_dept d ON d.code = c.department_code;
     INSERT INTO territory (id, slug, name, department_code, public_phone, email, opening_hours, triage_hours_crisis, triage_hours_planned,
       first_contact_hours_crisis, first_contact_hours_planned, is_demo, created_at, updated_at)
     SELECT t.id, 'scale-' || lower(split_part(t.id, '-', 2)) || '-' || split_part(t.id, '-', 3),
       d.name || CASE WHEN t.parts > 1 THEN ' — secteur ' || split_part(t.id, '-', 3) ELSE '' END, d.code,
       '01 99 00 ' || lpad((row_number() OVER (ORDER BY t.id) / 100)::text, 2, '0') || ' ' || lpad((row_number() OVER (ORDER BY t.id) % 100)::text, 2, '0'),
       lower(split_part(t.id, '-', 2)) || '@scale.maillage.example',
       CASE WHEN hashtext(t.id) % 10 IN (0, 1) THEN '{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]],"wed":[["09:00","18:00"]],"thu":[["09:00","18:00"]],"fri":[["09:00","17:00"]],"sat":[],"sun":[]}'
            WHEN hashtext(t.id) % 10 = 2 THEN '{"mon":[["08:00","20:00"]],"tue":[["08:00","20:00"]],"wed":[["08:00","20:00"]],"thu":[["08:00","20:00"]],"fri":[["08:00","20:00"]],"sat":[["08:00","20:00"]],"sun":[["08:00","20:00"]]}'
            ELSE '{"mon":[["08:00","20:00"]],"tue":[["08:00","20:00"]],"wed":[["08:00","20:00"]],"thu":[["08:00","20:00"]],"fri":[["08:00","20:00"]],"sat":[["09:00","13:00"]],"sun":[]}' END::jsonb,
       2 + abs(hashtext(t.id)) % 3, 24, 24 + 24 * (abs(hashtext(t.id)) % 2), 120, true, now(), now()
     FROM (SELECT DISTINCT territory_id AS id, parts FROM scale_tc) t
     JOIN department d ON d.code = split_part(t.id, '-', 2);
     INSERT INTO territory_commune (territory_id, commune_code) SELECT territory_id, commune_code FROM scale_tc;`,
  );

  // ── accounts: one coordinator per territory (also for the demo territories), 20 GPs each.
  await run(
    "Comptes (coordinations, médecins)",
    `INSERT INTO app_user (id, email, name, role, created_at, updated_at)
       SELECT 'su-idec-' || t.id, 'idec.' || t.slug || '@scale.maillage.example', 'IDEC ' || t.name, 'COORDINATOR', now(), now() FROM territory t;
     INSERT INTO territory_membership (user_id, territory_id) SELECT 'su-idec-' || t.id, t.id FROM territory t;
     INSERT INTO app_user (id, email, name, role, created_at, updated_at)
       SELECT 'su-gp-' || t.id || '-' || g, 'medecin' || g || '.' || t.slug || '@scale.maillage.example', 'Dr Médecin ' || g || ' (' || t.name || ')', 'GP', now(), now()
       FROM territory t, generate_series(1, 20) g;`,
  );

  // ── structures: per territory and type, in proportion to the population (±50 %: some
  // territories fall short of the norms), placed in the larger communes.
  await run(
    "Structures",
    `CREATE TEMP TABLE scale_tpop AS
       SELECT tc.territory_id, t.department_code, sum(c.population)::float8 AS pop, array_agg(c.code ORDER BY c.population DESC, c.code) AS communes
       FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code JOIN territory t ON t.id = tc.territory_id GROUP BY 1, 2;
     CREATE TEMP TABLE scale_mix (type text, national int, label text, individual boolean);
     INSERT INTO scale_mix VALUES
       ('EMSP', 430, 'Équipe mobile de soins palliatifs', false), ('LISP', 900, 'Lits identifiés de soins palliatifs', false),
       ('USP', 170, 'Unité de soins palliatifs', false), ('HAD', 290, 'HAD', false), ('SSIAD', 2100, 'SSIAD', false),
       ('PALLIATIVE_NETWORK', 100, 'Réseau de soins palliatifs', false), ('HEALTH_NETWORK', 150, 'Réseau de santé', false),
       ('PAIN_CLINIC', 250, 'Consultation douleur', false), ('PALLIATIVE_DAY_HOSPITAL', 50, 'Hôpital de jour soins palliatifs', false),
       ('ERRSPP', 25, 'ERRSPP', false), ('VOLUNTEERS', 350, 'Association de bénévoles', false), ('CPTS', 800, 'CPTS', false),
       ('OTHER', 200, 'Dispositif', false), ('PSYCHOLOGIST', 6000, 'Psychologue', true), ('DIETICIAN', 3000, 'Diététicien·ne', true),
       ('SOCIAL_WORKER', 2000, 'Assistant·e social·e', true), ('PHYSIOTHERAPIST', 3500, 'Masseur-kinésithérapeute', true);
     CREATE TEMP SEQUENCE scale_structure_seq;
     INSERT INTO structure (id, name, type, territory_id, address_commune_code, coverage_territory_ids, coverage_department_codes, age_groups,
       phone, beds, on_call_24h, capacity_status, active, is_demo, version, created_at, updated_at)
     SELECT 'ss' || nextval('scale_structure_seq'), m.label || ' ' || a.commune_code || '-' || g, m.type::"StructureType", t.territory_id, a.commune_code,
       CASE WHEN m.individual THEN '{}' ELSE ARRAY[t.territory_id] END,
       CASE WHEN m.type IN ('HAD', 'PALLIATIVE_NETWORK', 'ERRSPP') AND random() < 0.3 THEN ARRAY[t.department_code] ELSE '{}' END,
       CASE WHEN m.type = 'ERRSPP' THEN '{CHILD}' WHEN random() < 0.1 THEN '{ADULT,CHILD}' ELSE '{ADULT}' END::"AgeGroup"[],
       '01 99 00 ' || lpad((abs(hashtext(a.commune_code || g)) % 100)::text, 2, '0') || ' ' || lpad((g % 100)::text, 2, '0'),
       CASE m.type WHEN 'LISP' THEN 2 + floor(random() * 9)::int WHEN 'USP' THEN 10 + floor(random() * 6)::int END,
       m.type IN ('HAD', 'EMSP') AND random() < 0.5,
       (ARRAY['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'WAITING_LIST', 'FULL', 'ASSESSMENT_FIRST'])[1 + floor(random() * 6)::int]::"CapacityStatus",
       random() > 0.02, true, 0, now(), now()
     FROM scale_tpop t
     CROSS JOIN scale_mix m
     CROSS JOIN LATERAL generate_series(1, floor(t.pop / 68000000 * m.national * (0.5 + random()) + random())::int) g
     CROSS JOIN LATERAL (SELECT t.communes[1 + floor(power(random(), 3) * cardinality(t.communes))::int] AS commune_code) a;
     -- Individual professionals cover the communes that share their postal code.
     CREATE TEMP TABLE scale_postal AS
       SELECT p.postal, array_agg(c.code) AS codes FROM commune c CROSS JOIN LATERAL unnest(c.postal_codes) p(postal) GROUP BY 1;
     UPDATE structure s SET coverage_commune_codes = coalesce(sp.codes, ARRAY[s.address_commune_code])
     FROM commune c LEFT JOIN scale_postal sp ON sp.postal = c.postal_codes[1]
     WHERE s.id LIKE 'ss%' AND c.code = s.address_commune_code AND s.type IN ('PSYCHOLOGIST', 'DIETICIAN', 'SOCIAL_WORKER', 'PHYSIOTHERAPIST');
     INSERT INTO structure_offer (structure_id, need, setting)
     SELECT s.id, o.need::"Need", o.setting::"PlaceOfCare" FROM structure s
     JOIN (VALUES
       ('EMSP', ARRAY['PAIN','OTHER_SYMPTOMS','PALLIATIVE_CARE','PSYCHOLOGICAL_PATIENT','PSYCHOLOGICAL_FAMILY','ETHICAL_REFLECTION'], ARRAY['HOME','NURSING_HOME','HOSPITAL']),
       ('HAD', ARRAY['PAIN','OTHER_SYMPTOMS','PALLIATIVE_CARE','HOME_CARE','NUTRITION'], ARRAY['HOME','NURSING_HOME']),
       ('SSIAD', ARRAY['HOME_CARE'], ARRAY['HOME']),
       ('PALLIATIVE_NETWORK', ARRAY['PALLIATIVE_CARE','PAIN','PSYCHOLOGICAL_PATIENT','PSYCHOLOGICAL_FAMILY','CARER_RESPITE','ETHICAL_REFLECTION'], ARRAY['HOME','NURSING_HOME']),
       ('HEALTH_NETWORK', ARRAY['HOME_CARE','SOCIAL','NUTRITION'], ARRAY['HOME']),
       ('USP', ARRAY['PALLIATIVE_CARE','PAIN','OTHER_SYMPTOMS','CARER_RESPITE'], ARRAY['HOSPITAL']),
       ('LISP', ARRAY['PALLIATIVE_CARE'], ARRAY['HOSPITAL']),
       ('PAIN_CLINIC', ARRAY['PAIN'], ARRAY['HOME','HOSPITAL']),
       ('PALLIATIVE_DAY_HOSPITAL', ARRAY['PALLIATIVE_CARE','OTHER_SYMPTOMS'], ARRAY['HOSPITAL']),
       ('ERRSPP', ARRAY['PALLIATIVE_CARE','ETHICAL_REFLECTION'], ARRAY['HOME','NURSING_HOME','HOSPITAL']),
       ('PSYCHOLOGIST', ARRAY['PSYCHOLOGICAL_PATIENT','PSYCHOLOGICAL_FAMILY'], ARRAY['HOME']),
       ('DIETICIAN', ARRAY['NUTRITION'], ARRAY['HOME','NURSING_HOME']),
       ('SOCIAL_WORKER', ARRAY['SOCIAL'], ARRAY['HOME']),
       ('PHYSIOTHERAPIST', ARRAY['PHYSICAL_ACTIVITY'], ARRAY['HOME','NURSING_HOME']),
       ('VOLUNTEERS', ARRAY['CARER_RESPITE','PSYCHOLOGICAL_FAMILY'], ARRAY['HOME','HOSPITAL']),
       ('CPTS', ARRAY['HOME_CARE','SOCIAL'], ARRAY['HOME']),
       ('OTHER', ARRAY['HOME_CARE'], ARRAY['HOME'])) AS m(type, needs, settings) ON m.type = s.type::text
     CROSS JOIN LATERAL (SELECT n AS need, st AS setting FROM unnest(m.needs) n, unnest(m.settings) st) o
     WHERE s.id LIKE 'ss%';`,
  );

  // ── requests: per commune in proportion to its population, over the years with activity
  // growing (density 0.5 → 1.5), mostly in working hours; then each one's attributes and
  // (calendar) lifecycle. Patients live in one commune; some file several requests.
  const end = new Date();
  const start = new Date(end);
  start.setUTCFullYear(end.getUTCFullYear() - YEARS);
  await run(
    "Demandes (préparation)",
    `CREATE UNLOGGED TABLE scale_base AS
     WITH per_commune AS (
       SELECT c.code, c.department_code, tc.territory_id,
         floor(c.population::float8 / (SELECT sum(population) FROM commune) * $1 + random())::int AS n
       FROM commune c LEFT JOIN LATERAL (SELECT territory_id FROM territory_commune WHERE commune_code = c.code ORDER BY territory_id LIMIT 1) tc ON true
     )
     SELECT p.code AS commune_code, p.territory_id, p.n AS commune_requests, g AS k,
       -- growing activity: inverse of F(x) = (x + x²) / 2
       ($2::date + floor((-0.5 + sqrt(0.25 + 2 * random())) * ($3::date - $2::date))::int) AS day
     FROM per_commune p CROSS JOIN LATERAL generate_series(1, p.n) g;`,
    [REQUESTS, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)],
  );

  await run(
    "Demandes (cycle de vie)",
    `CREATE FUNCTION pg_temp.scale_need(u float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT CASE WHEN u < 0.30 THEN 'PALLIATIVE_CARE' WHEN u < 0.55 THEN 'PAIN' WHEN u < 0.70 THEN 'HOME_CARE' WHEN u < 0.78 THEN 'PSYCHOLOGICAL_PATIENT'
         WHEN u < 0.84 THEN 'PSYCHOLOGICAL_FAMILY' WHEN u < 0.90 THEN 'OTHER_SYMPTOMS' WHEN u < 0.94 THEN 'NUTRITION' WHEN u < 0.97 THEN 'SOCIAL'
         WHEN u < 0.99 THEN 'CARER_RESPITE' WHEN u < 0.995 THEN 'PHYSICAL_ACTIVITY' ELSE 'ETHICAL_REFLECTION' END $$;
     CREATE FUNCTION pg_temp.scale_outcome(u float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT CASE WHEN u < 0.55 THEN 'NEEDS_MET' WHEN u < 0.65 THEN 'REDIRECTED' WHEN u < 0.77 THEN 'HOSPITALISED' WHEN u < 0.92 THEN 'DECEASED'
         WHEN u < 0.95 THEN 'DECLINED_BY_PATIENT' WHEN u < 0.97 THEN 'UNREACHABLE' ELSE 'OTHER' END $$;
     CREATE UNLOGGED TABLE scale_req AS
     WITH a AS (
       SELECT 'sr' || row_number() OVER (ORDER BY b.day, b.commune_code, b.k) AS id, b.*,
         ((b.day + CASE WHEN random() < 0.85 THEN interval '8 hours' + random() * interval '11 hours' ELSE random() * interval '24 hours' END)::timestamp
           AT TIME ZONE 'Europe/Paris') AS submitted_at,
         random() AS u_channel, random() AS u_kind, random() AS u_urgency, random() AS u_patient
       FROM scale_base b
     ), b AS (
       SELECT a.*,
         CASE WHEN u_channel < 0.45 THEN 'WEB' WHEN u_channel < 0.80 THEN 'PHONE' WHEN u_channel < 0.88 THEN 'MAIL' ELSE 'PUBLIC' END AS channel
       FROM a
     ), c AS (
       SELECT b.*,
         CASE channel WHEN 'WEB' THEN 'GP' WHEN 'PUBLIC' THEN 'PATIENT_FAMILY'
           WHEN 'MAIL' THEN CASE WHEN u_kind < 0.6 THEN 'HOSPITAL' ELSE 'OTHER_PROFESSIONAL' END
           ELSE CASE WHEN u_kind < 0.35 THEN 'GP' WHEN u_kind < 0.60 THEN 'OTHER_PROFESSIONAL' WHEN u_kind < 0.85 THEN 'HOSPITAL' ELSE 'PATIENT_FAMILY' END END AS requester_kind,
         CASE WHEN channel <> 'PUBLIC' AND u_urgency < 0.25 THEN 'CRISIS' ELSE 'PLANNED' END AS urgency,
         CASE WHEN channel = 'PUBLIC' THEN NULL
           ELSE 'sp' || commune_code || '-' || (1 + floor(u_patient * ceil(commune_requests * 0.8)))::int END AS patient_id,
         ARRAY(SELECT DISTINCT pg_temp.scale_need(random()) FROM generate_series(1, 1 + (random() < 0.45)::int + (random() < 0.12)::int + (k * 0)))::"Need"[] AS needs,
         (ARRAY['HOME','HOME','HOME','HOME','HOME','HOME','HOME','NURSING_HOME','NURSING_HOME','HOSPITAL'])[1 + floor(random() * 10)::int] AS place_of_care,
         random() < 0.02 AS cancelled, random() < 0.6 AS duplicate,
         random() < 0.98 AS claims, random() < 0.88 AS orients, random() < 0.04 AS flags_unmet, random() < 0.01 AS reopens,
         random() AS u_triage, random() AS u_orient, random() AS u_close, random() AS u_long, random() AS u_outcome, random() AS u_outcome2,
         random() AS u_refs, random() AS u_reopen
       FROM b
     )
     SELECT c.id, c.commune_code, c.territory_id, c.channel, c.requester_kind, c.urgency, c.patient_id, c.needs, c.place_of_care, c.submitted_at,
       CASE WHEN c.cancelled AND c.territory_id IS NOT NULL THEN c.submitted_at + interval '1 hour' + c.u_triage * interval '23 hours' END AS cancelled_at,
       CASE WHEN c.cancelled AND c.territory_id IS NOT NULL THEN CASE WHEN c.duplicate THEN 'DUPLICATE' ELSE 'WITHDRAWN' END END AS cancel_reason,
       t.triaged_at,
       CASE WHEN t.triaged_at IS NOT NULL AND c.orients THEN t.triaged_at + interval '12 minutes' + c.u_orient * interval '24 hours' END AS oriented_at,
       CASE WHEN t.triaged_at IS NOT NULL AND c.flags_unmet THEN c.needs[1] END AS unmet_need,
       CASE WHEN t.triaged_at IS NOT NULL THEN t.triaged_at + (3 + -ln(1 - c.u_close) * 18 + CASE WHEN c.u_long < 0.05 THEN 90 + c.u_long * 6000 ELSE 0 END) * interval '1 day' END AS closed_at,
       pg_temp.scale_outcome(c.u_outcome) AS outcome,
       c.reopens, pg_temp.scale_outcome(c.u_outcome2) AS outcome2, c.u_reopen,
       1 + (c.u_refs > 0.70)::int + (c.u_refs > 0.95)::int AS referrals
     FROM c
     CROSS JOIN LATERAL (
       SELECT CASE WHEN c.territory_id IS NOT NULL AND NOT c.cancelled AND c.claims
         THEN c.submitted_at + (CASE WHEN c.urgency = 'CRISIS' THEN 0.1 + -ln(1 - c.u_triage) * 2.5 ELSE 0.5 + -ln(1 - c.u_triage) * 18 END) * interval '1 hour' END AS triaged_at
     ) t;
     -- What has not happened yet by now is not there.
     UPDATE scale_req SET triaged_at = NULL, oriented_at = NULL, unmet_need = NULL, closed_at = NULL WHERE triaged_at > now();
     UPDATE scale_req SET oriented_at = NULL WHERE oriented_at > now() OR oriented_at > closed_at;
     UPDATE scale_req SET closed_at = NULL WHERE closed_at > now();
     UPDATE scale_req SET cancelled_at = NULL, cancel_reason = NULL WHERE cancelled_at > now();
     ALTER TABLE scale_req ADD COLUMN reopened_at timestamptz, ADD COLUMN reclosed_at timestamptz;
     UPDATE scale_req SET reopened_at = closed_at + (1 + u_reopen * 9) * interval '1 day' WHERE reopens AND closed_at IS NOT NULL;
     UPDATE scale_req SET reopened_at = NULL WHERE reopened_at > now();
     UPDATE scale_req SET reclosed_at = reopened_at + (2 + u_reopen * 18) * interval '1 day' WHERE reopened_at IS NOT NULL;
     UPDATE scale_req SET reclosed_at = NULL WHERE reclosed_at > now();
     ALTER TABLE scale_req ADD PRIMARY KEY (id);
     ANALYZE scale_req;`,
  );

  // ── referrals: to facilities of the territory (80 %) or individual professionals; answered
  // within two days (78 % accepted, 17 % declined), first contact within days; those still
  // unanswered at closure are cancelled with it.
  await run(
    "Orientations",
    `CREATE TEMP TABLE scale_tstruct AS
       SELECT territory_id,
         array_agg(id ORDER BY id) FILTER (WHERE type NOT IN ('PSYCHOLOGIST', 'DIETICIAN', 'SOCIAL_WORKER', 'PHYSIOTHERAPIST')) AS facilities,
         array_agg(id ORDER BY id) FILTER (WHERE type IN ('PSYCHOLOGIST', 'DIETICIAN', 'SOCIAL_WORKER', 'PHYSIOTHERAPIST')) AS individuals
       FROM structure WHERE active AND territory_id IS NOT NULL GROUP BY 1;
     CREATE UNLOGGED TABLE scale_ref AS
     WITH picked AS (
       SELECT DISTINCT ON (r.id, s.structure_id) r.id AS request_id, s.structure_id, g, r.oriented_at, r.territory_id,
         coalesce(r.cancelled_at, r.closed_at) AS ended_at
       FROM scale_req r
       JOIN scale_tstruct ts ON ts.territory_id = r.territory_id
       CROSS JOIN LATERAL generate_series(1, r.referrals) g
       CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.8 OR ts.individuals IS NULL
           THEN ts.facilities[1 + floor(random() * cardinality(ts.facilities))::int]
           ELSE ts.individuals[1 + floor(random() * cardinality(ts.individuals))::int] END AS structure_id) s
       WHERE r.oriented_at IS NOT NULL AND s.structure_id IS NOT NULL
       ORDER BY r.id, s.structure_id, g
     ), answered AS (
       SELECT p.*, 'sf' || row_number() OVER (ORDER BY p.request_id, p.g) AS id, random() AS u, random() AS u_reason,
         p.oriented_at + (0.5 + random() * 47.5) * interval '1 hour' AS responded_at, random() AS u_contact, random() AS u_rank
       FROM picked p
     )
     SELECT a.id, a.request_id, a.structure_id, a.oriented_at AS proposed_at,
       CASE WHEN a.responded_at > now() OR a.responded_at > coalesce(a.ended_at, 'infinity') THEN NULL
            WHEN a.u < 0.78 THEN 'ACCEPTED' WHEN a.u < 0.95 THEN 'DECLINED' END AS response,
       a.responded_at,
       CASE WHEN a.u_reason < 0.35 THEN 'FULL' WHEN a.u_reason < 0.60 THEN 'NOT_OUR_SERVICE' WHEN a.u_reason < 0.80 THEN 'OUTSIDE_AREA'
            WHEN a.u_reason < 0.92 THEN 'PATIENT_REFUSED' ELSE 'OTHER' END AS decline_reason,
       CASE WHEN a.u_contact < 0.9 THEN ((a.responded_at AT TIME ZONE 'Europe/Paris')::date + floor(a.u_contact * 5)::int) END AS contact_day,
       a.ended_at, a.u_rank
     FROM answered a;
     UPDATE scale_ref SET responded_at = NULL WHERE response IS NULL;
     UPDATE scale_ref SET contact_day = NULL WHERE response IS DISTINCT FROM 'ACCEPTED'
       OR (contact_day + time '18:00') AT TIME ZONE 'Europe/Paris' > least(now(), coalesce(ended_at, 'infinity'));
     ALTER TABLE scale_ref ADD PRIMARY KEY (id);
     CREATE INDEX ON scale_ref (request_id);
     ANALYZE scale_ref;`,
  );

  // ── rows of the application's tables (timestamps in UTC, as Prisma writes them).
  await run(
    "Patients",
    `INSERT INTO patient (id, birth_name, first_names, birth_date, sex, identity_key, commune_code, place_of_care, created_at, updated_at)
     SELECT p.patient_id, 'Patient ' || substr(p.patient_id, 3), 'Synthétique', date '1925-01-01' + abs(hashtext(p.patient_id)) % 24000,
       (ARRAY['FEMALE','MALE'])[1 + abs(hashtext(p.patient_id || 's')) % 2]::"Sex", 'scale|' || p.patient_id, split_part(substr(p.patient_id, 3), '-', 1),
       'HOME', min(p.submitted_at) AT TIME ZONE 'UTC', min(p.submitted_at) AT TIME ZONE 'UTC'
     FROM scale_req p WHERE p.patient_id IS NOT NULL GROUP BY p.patient_id`,
  );

  await run(
    "Demandes",
    `INSERT INTO request (id, patient_id, territory_id, commune_code, place_of_care, needs, urgency, channel, requester_kind, requester_id,
       requester_name, requester_phone, details, consent_coordination, status, owner_id, needs_reorientation, unmet_needs, submitted_at,
       triaged_at, first_contact_at, closed_at, closure_outcome, cancel_reason, version, updated_at)
     SELECT r.id, r.patient_id, r.territory_id, r.commune_code, r.place_of_care::"PlaceOfCare", r.needs, r.urgency::"Urgency", r.channel::"RequestChannel",
       r.requester_kind::"RequesterKind",
       CASE WHEN r.channel = 'WEB' AND r.territory_id IS NOT NULL THEN 'su-gp-' || r.territory_id || '-' || (1 + abs(hashtext(r.id)) % 20) END,
       CASE WHEN r.channel IN ('PHONE', 'PUBLIC') THEN 'Appelant (données synthétiques)' END,
       CASE WHEN r.channel IN ('PHONE', 'PUBLIC') THEN '01 99 00 00 00' END,
       NULL, true,
       (CASE WHEN r.cancelled_at IS NOT NULL THEN 'CANCELLED'
             WHEN coalesce(r.reclosed_at, CASE WHEN r.reopened_at IS NULL THEN r.closed_at END) IS NOT NULL THEN 'CLOSED'
             WHEN f.accepted THEN 'IN_CARE' WHEN f.proposed THEN 'ORIENTED' WHEN r.triaged_at IS NOT NULL THEN 'TRIAGE' ELSE 'SUBMITTED' END)::"RequestStatus",
       CASE WHEN r.triaged_at IS NOT NULL THEN 'su-idec-' || r.territory_id END, false,
       CASE WHEN r.unmet_need IS NOT NULL THEN ARRAY[r.unmet_need] ELSE '{}' END::"Need"[],
       r.submitted_at AT TIME ZONE 'UTC', r.triaged_at AT TIME ZONE 'UTC', f.first_contact AT TIME ZONE 'UTC',
       coalesce(r.reclosed_at, CASE WHEN r.reopened_at IS NULL THEN r.closed_at END) AT TIME ZONE 'UTC',
       CASE WHEN r.reclosed_at IS NOT NULL THEN r.outcome2 WHEN r.reopened_at IS NULL AND r.closed_at IS NOT NULL THEN r.outcome END::"ClosureOutcome",
       r.cancel_reason::"CancelReason", 0, now() AT TIME ZONE 'UTC'
     FROM scale_req r
     LEFT JOIN LATERAL (
       SELECT bool_or(response = 'ACCEPTED') AS accepted, bool_or(response IS NULL) AS proposed,
         min((contact_day + time '12:00') AT TIME ZONE 'UTC') AS first_contact
       FROM scale_ref x WHERE x.request_id = r.id
     ) f ON true`,
  );

  await run(
    "Orientations (lignes)",
    `INSERT INTO referral (id, request_id, structure_id, needs, status, proposed_by_id, proposed_at, responded_at, decline_reason, first_contact_at,
       suggestion_rank, override_reason, version, updated_at)
     SELECT x.id, x.request_id, x.structure_id, r.needs,
       (CASE WHEN x.response = 'ACCEPTED' AND x.contact_day IS NOT NULL THEN 'IN_PROGRESS' WHEN x.response IS NOT NULL THEN x.response
             WHEN x.ended_at IS NOT NULL THEN 'CANCELLED' ELSE 'PROPOSED' END)::"ReferralStatus",
       'su-idec-' || r.territory_id, x.proposed_at AT TIME ZONE 'UTC', x.responded_at AT TIME ZONE 'UTC',
       CASE WHEN x.response = 'DECLINED' THEN x.decline_reason END::"DeclineReason",
       (x.contact_day + time '12:00') AT TIME ZONE 'UTC',
       -- Most among the routing's first three suggestions, one in eight chosen outside them.
       CASE WHEN x.u_rank < 0.875 THEN 1 + floor(x.u_rank / 0.875 * 3)::int END,
       CASE WHEN x.u_rank >= 0.875 THEN 'Équipe connue du médecin traitant' END,
       0, now() AT TIME ZONE 'UTC'
     FROM scale_ref x JOIN scale_req r ON r.id = x.request_id`,
  );

  await run(
    "Notes (annulations, réouvertures)",
    `INSERT INTO request_note (id, request_id, author_id, kind, body, created_at)
     SELECT 'sn' || r.id || '-' || kind, r.id, 'su-idec-' || coalesce(r.territory_id, ''), 'COORDINATION', 'Données synthétiques.', at AT TIME ZONE 'UTC'
     FROM scale_req r CROSS JOIN LATERAL (VALUES ('c', r.cancelled_at), ('o', r.reopened_at)) AS v(kind, at)
     WHERE v.at IS NOT NULL AND r.territory_id IS NOT NULL`,
  );

  // ── the teams' activity (0 to 3 interventions after each first contact) and PALLIA-10 for 3
  // requests in 10, filled by the coordination at triage (recorded by the territory's coordinator).
  await run(
    "Interventions, grilles PALLIA-10 et RCP",
    `CREATE UNLOGGED TABLE scale_int AS
       SELECT 'si' || x.id || '-' || g AS id, x.request_id, x.structure_id, r.territory_id,
         (ARRAY['HOME_VISIT', 'CONSULTATION', 'PHONE_ADVICE', 'FAMILY_MEETING', 'PSYCHOLOGICAL_SUPPORT', 'DIETICIAN', 'SOCIAL_WORK'])[1 + floor(random() * 7)::int] AS kind,
         x.contact_day + (g - 1) * 3 AS day, (15 + floor(random() * 8) * 15)::int AS minutes
       FROM (SELECT s.*, floor(random() * 4)::int AS n FROM scale_ref s WHERE s.contact_day IS NOT NULL) x
       JOIN scale_req r ON r.id = x.request_id
       CROSS JOIN LATERAL generate_series(1, x.n) g;
     DELETE FROM scale_int WHERE (day + time '18:00') AT TIME ZONE 'Europe/Paris' > now();
     INSERT INTO intervention (id, request_id, structure_id, kind, day, minutes, recorded_by_id, recorded_at)
     SELECT id, request_id, structure_id, kind::"InterventionKind", day, minutes, 'su-idec-' || territory_id,
       ((day + time '18:00') AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC'
     FROM scale_int;
     CREATE UNLOGGED TABLE scale_scr AS
       SELECT 'ss' || r.id AS id, r.id AS request_id, r.territory_id, r.triaged_at + interval '10 minutes' AS at,
         ARRAY[random() < 0.9, random() < 0.6, random() < 0.4, random() < 0.4, random() < 0.4,
               random() < 0.3, random() < 0.3, random() < 0.3, random() < 0.2, random() < 0.2] AS yes
       FROM scale_req r WHERE r.triaged_at IS NOT NULL AND r.territory_id IS NOT NULL AND r.triaged_at + interval '10 minutes' <= now() AND random() < 0.3;
     INSERT INTO screening_answer (id, request_id, grid, version, answers, score, recorded_by_id, recorded_at)
     SELECT id, request_id, 'PALLIA10', 1, jsonb_build_object('yes', to_jsonb(yes)), cardinality(array_positions(yes, true)), 'su-idec-' || territory_id, at AT TIME ZONE 'UTC'
     FROM scale_scr;
     -- An RCP soins de support a month per territory (the second Thursday, 14:00), discussing 1 in
     -- 20 of the requests that were in care then.
     CREATE UNLOGGED TABLE scale_rcp AS
       SELECT 'sm' || t.id || '-' || to_char(mo, 'YYYYMM') AS id, t.id AS territory_id,
         ((date_trunc('month', mo) + ((11 - extract(dow FROM date_trunc('month', mo))::int) % 7 + 7) * interval '1 day')::date + time '14:00') AT TIME ZONE 'Europe/Paris' AS at
       FROM territory t CROSS JOIN generate_series(date_trunc('month', (SELECT min(submitted_at) FROM scale_req)), now(), interval '1 month') mo;
     DELETE FROM scale_rcp WHERE at > now();
     INSERT INTO rcp_meeting (id, territory_id, scheduled_at, place, created_by_id, created_at)
     SELECT id, territory_id, at AT TIME ZONE 'UTC', 'Données synthétiques.', 'su-idec-' || territory_id, (at - interval '14 days') AT TIME ZONE 'UTC' FROM scale_rcp;
     CREATE UNLOGGED TABLE scale_rcp_case AS
       SELECT 'sc' || r.id || '-' || m.id AS id, m.id AS meeting_id, r.id AS request_id, m.territory_id, m.at
       FROM scale_rcp m JOIN scale_req r ON r.territory_id = m.territory_id
       WHERE r.oriented_at < m.at - interval '7 days' AND coalesce(r.closed_at, r.cancelled_at, 'infinity') > m.at AND random() < 0.05;
     INSERT INTO rcp_case (id, meeting_id, request_id, question, added_at, participants, summary, discussed_at, discussed_by_id)
     SELECT id, meeting_id, request_id, 'Données synthétiques.', (at - interval '7 days') AT TIME ZONE 'UTC', 'Données synthétiques.', 'Données synthétiques.',
       (at + interval '2 hours') AT TIME ZONE 'UTC', 'su-idec-' || territory_id
     FROM scale_rcp_case;`,
  );

  // ── the event log, as the use cases would have written it (same types and payloads).
  await run(
    "Journal d'événements (préparation)",
    `CREATE UNLOGGED TABLE scale_ev (at timestamptz, type text, actor_id text, subject_id text, data jsonb);
     INSERT INTO scale_ev
     SELECT r.submitted_at, 'request.submitted',
       CASE r.channel WHEN 'WEB' THEN q.requester_id WHEN 'PUBLIC' THEN NULL ELSE 'su-idec-' || r.territory_id END, r.id,
       jsonb_build_object('channel', r.channel, 'urgency', r.urgency, 'needs', to_jsonb(r.needs), 'territoryId', r.territory_id, 'patientId', r.patient_id,
         'requesterKind', q.requester_kind, 'communeCode', q.commune_code)
     FROM scale_req r JOIN request q ON q.id = r.id
     UNION ALL SELECT r.triaged_at, 'request.claimed', 'su-idec-' || r.territory_id, r.id, '{}' FROM scale_req r WHERE r.triaged_at IS NOT NULL
     UNION ALL SELECT r.triaged_at + interval '5 minutes', 'request.unmet_needs_flagged', 'su-idec-' || r.territory_id, r.id, jsonb_build_object('needs', jsonb_build_array(r.unmet_need))
       FROM scale_req r WHERE r.unmet_need IS NOT NULL
     UNION ALL SELECT min(x.proposed_at), 'request.oriented', 'su-idec-' || min(r.territory_id), x.request_id,
       jsonb_build_object('referralIds', jsonb_agg(x.id ORDER BY x.id), 'structureIds', jsonb_agg(x.structure_id ORDER BY x.id), 'noteId', NULL)
       FROM scale_ref x JOIN scale_req r ON r.id = x.request_id GROUP BY x.request_id
     UNION ALL SELECT x.responded_at, 'referral.' || lower(x.response), NULL, x.request_id,
       CASE x.response WHEN 'ACCEPTED' THEN jsonb_build_object('referralId', x.id, 'structureId', x.structure_id)
         ELSE jsonb_build_object('referralId', x.id, 'structureId', x.structure_id, 'reason', x.decline_reason, 'noteId', NULL) END
       FROM scale_ref x WHERE x.response IS NOT NULL
     UNION ALL (SELECT DISTINCT ON (x.request_id) x.responded_at, 'request.status_derived', NULL, x.request_id,
       jsonb_build_object('from', 'ORIENTED', 'to', 'IN_CARE', 'referralId', x.id)
       FROM scale_ref x WHERE x.response = 'ACCEPTED' ORDER BY x.request_id, x.responded_at)
     UNION ALL SELECT greatest((x.contact_day + time '18:00') AT TIME ZONE 'Europe/Paris', x.responded_at + interval '1 minute'), 'referral.first_contact', NULL, x.request_id,
       jsonb_build_object('referralId', x.id, 'structureId', x.structure_id, 'contactDate', to_char((x.contact_day + time '12:00'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'))
       FROM scale_ref x WHERE x.contact_day IS NOT NULL
     UNION ALL SELECT x.ended_at, 'referral.cancelled', 'su-idec-' || r.territory_id, x.request_id, jsonb_build_object('referralId', x.id, 'structureId', x.structure_id)
       FROM scale_ref x JOIN scale_req r ON r.id = x.request_id WHERE x.response IS NULL AND x.ended_at IS NOT NULL AND x.ended_at <= now()
     UNION ALL SELECT r.closed_at, 'request.closed', 'su-idec-' || r.territory_id, r.id, jsonb_build_object('outcome', r.outcome) FROM scale_req r WHERE r.closed_at IS NOT NULL
     UNION ALL SELECT r.reopened_at, 'request.reopened', 'su-idec-' || r.territory_id, r.id, jsonb_build_object('noteId', 'sn' || r.id || '-o') FROM scale_req r WHERE r.reopened_at IS NOT NULL
     UNION ALL SELECT r.reclosed_at, 'request.closed', 'su-idec-' || r.territory_id, r.id, jsonb_build_object('outcome', r.outcome2) FROM scale_req r WHERE r.reclosed_at IS NOT NULL
     UNION ALL SELECT r.cancelled_at, 'request.cancelled', 'su-idec-' || r.territory_id, r.id, jsonb_build_object('reason', r.cancel_reason, 'noteId', 'sn' || r.id || '-c')
       FROM scale_req r WHERE r.cancelled_at IS NOT NULL AND r.territory_id IS NOT NULL
     UNION ALL SELECT (i.day + time '18:00') AT TIME ZONE 'Europe/Paris', 'request.intervention_recorded', 'su-idec-' || i.territory_id, i.request_id,
       jsonb_build_object('interventionId', i.id, 'kind', i.kind, 'teamStructureId', i.structure_id, 'day', to_char(i.day, 'YYYY-MM-DD'), 'minutes', i.minutes)
       FROM scale_int i
     UNION ALL SELECT c.at + interval '2 hours', 'request.rcp_discussed', 'su-idec-' || c.territory_id, c.request_id,
       jsonb_build_object('caseId', c.id, 'meetingId', c.meeting_id, 'decisions', 0)
       FROM scale_rcp_case c
     UNION ALL SELECT s.at, 'request.screening_recorded', 'su-idec-' || s.territory_id, s.request_id,
       jsonb_build_object('screeningId', s.id, 'grid', 'PALLIA10', 'version', 1, 'score', cardinality(array_positions(s.yes, true)))
       FROM scale_scr s;
     CREATE INDEX ON scale_ev (at);`,
  );

  // In time order, year by year (event ids follow time, as in production).
  const t = performance.now();
  process.stdout.write(`[${++step}/${STEPS}] Journal d'événements (écriture, année par année)`);
  let events = 0;
  for (let year = start.getUTCFullYear(); year <= end.getUTCFullYear() + 1; year++) {
    const result = await client.query(
      `INSERT INTO "event" (type, actor_id, at, subject_type, subject_id, data)
       SELECT type, actor_id, at AT TIME ZONE 'UTC', 'request', subject_id, data FROM scale_ev
       WHERE at >= make_timestamptz($1::int, 1, 1, 0, 0, 0, 'UTC') AND at < make_timestamptz($1::int + 1, 1, 1, 0, 0, 0, 'UTC') ORDER BY at`,
      [year],
    );
    events += result.rowCount ?? 0;
    process.stdout.write(` ${year}`);
  }
  process.stdout.write(` — ${events.toLocaleString("fr-FR")} lignes, ${seconds(t)}\n`);

  // Nothing may be dated after now (a run was seen writing events dated of the next year):
  // a history in the future would skew every "this year" figure of the benchmark.
  const future = await client.query<{ n: string }>(`SELECT
    (SELECT count(*) FROM "event" WHERE at > now() AT TIME ZONE 'UTC')
    + (SELECT count(*) FROM request WHERE greatest(submitted_at, triaged_at, closed_at, first_contact_at) > now() AT TIME ZONE 'UTC')
    + (SELECT count(*) FROM referral WHERE greatest(proposed_at, responded_at, first_contact_at, completed_at) > now() AT TIME ZONE 'UTC') AS n`);
  if (Number(future.rows[0]?.n) > 0) throw new Error(`${future.rows[0]?.n} ligne(s) datée(s) après maintenant : l'historique synthétique est faux.`);

  await client.query(`RESET session_replication_role`).catch(() => undefined);
  await run("Tableaux de bord : faits et cube reconstruits depuis le journal", `RESET maillage.dashboard_projection; SELECT dashboard_rebuild()`);
  await run("Nettoyage et statistiques", `DROP TABLE scale_base, scale_req, scale_ref, scale_int, scale_scr, scale_rcp, scale_rcp_case, scale_ev; ANALYZE;`);

  // Accounts to sign in with for the benchmark.
  const prismaForAccounts = createPrismaClient(url);
  try {
    const departments = await prismaForAccounts.department.findMany({ where: { regionCode: SCALE_ARS_REGION }, select: { code: true } });
    const region = await prismaForAccounts.territory.findMany({ where: { departmentCode: { in: departments.map((d) => d.code) } }, select: { id: true } });
    await upsertUser(prismaForAccounts, {
      email: SCALE_ARS_EMAIL,
      name: "ARS Auvergne-Rhône-Alpes (banc d'essai)",
      role: "ARS",
      password: SCALE_PASSWORD,
      territoryIds: region.map((r) => r.id),
    });
    await upsertUser(prismaForAccounts, { email: SCALE_ADMIN_EMAIL, name: "Administrateur (banc d'essai)", role: "ADMIN", password: SCALE_PASSWORD });
  } finally {
    await prismaForAccounts.$disconnect();
  }

  const summary = await client.query<Record<string, string>>(`SELECT
    (SELECT count(*) FROM commune) AS communes, (SELECT count(*) FROM territory) AS territories, (SELECT count(*) FROM structure) AS structures,
    (SELECT count(*) FROM patient) AS patients, (SELECT count(*) FROM request) AS requests, (SELECT count(*) FROM referral) AS referrals,
    (SELECT count(*) FROM "event") AS events, (SELECT count(*) FROM request_fact) AS request_facts, (SELECT count(*) FROM dashboard_cell) AS cube_cells,
    pg_size_pretty(pg_database_size(current_database())) AS size`);
  console.log(`\nTerminé en ${seconds(started)} :`);
  for (const [key, value] of Object.entries(summary.rows[0]!))
    console.log(`  ${key.padEnd(14)} ${/^\d+$/.test(value) ? Number(value).toLocaleString("fr-FR") : value}`);
  console.log(`\nBanc d'essai : ${SCALE_ARS_EMAIL} (ARS, région ${SCALE_ARS_REGION}) et ${SCALE_ADMIN_EMAIL}, mot de passe ${SCALE_PASSWORD}.`);
} catch (error) {
  console.error(`\nseed:scale a échoué : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
