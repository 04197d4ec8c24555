-- CreateTable
CREATE TABLE "request_fact" (
    "request_id" TEXT NOT NULL,
    "territory_id" TEXT,
    "commune_code" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "requester_kind" "RequesterKind" NOT NULL,
    "channel" "RequestChannel" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "needs" "Need"[],
    "patient_id" TEXT,
    "first_of_patient" BOOLEAN NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "month" DATE NOT NULL,
    "triaged_at" TIMESTAMPTZ(3),
    "first_contact_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "outcome" "ClosureOutcome",
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" "CancelReason",
    "unmet_needs" "Need"[] DEFAULT ARRAY[]::"Need"[],
    "triage_hours" DOUBLE PRECISION,
    "first_contact_hours" DOUBLE PRECISION,
    "active_until" TIMESTAMPTZ(3) NOT NULL,
    "long_open" BOOLEAN NOT NULL DEFAULT true,
    "changed_xid" BIGINT NOT NULL,

    CONSTRAINT "request_fact_pkey" PRIMARY KEY ("request_id")
);

-- CreateTable
CREATE TABLE "referral_fact" (
    "referral_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "structure_id" TEXT NOT NULL,
    "structure_type" "StructureType" NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL,
    "response" "ReferralStatus",
    "responded_at" TIMESTAMPTZ(3),
    "decline_reason" "DeclineReason",
    "cancelled_at" TIMESTAMPTZ(3),
    "changed_xid" BIGINT NOT NULL,

    CONSTRAINT "referral_fact_pkey" PRIMARY KEY ("referral_id")
);

-- CreateTable
CREATE TABLE "dashboard_cell" (
    "territory_id" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "region_code" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "dashboard_cell_pkey" PRIMARY KEY ("territory_id","department_code","month","dim","key")
);

-- CreateTable
CREATE TABLE "dashboard_projection" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "horizon_xid" BIGINT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dashboard_projection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "mobile_teams_per_200k" DOUBLE PRECISION NOT NULL,
    "palliative_beds_per_100k" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dashboard_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_fact_territory_id_submitted_at_idx" ON "request_fact"("territory_id", "submitted_at");

-- CreateIndex
CREATE INDEX "request_fact_department_code_submitted_at_idx" ON "request_fact"("department_code", "submitted_at");

-- CreateIndex
CREATE INDEX "request_fact_region_code_submitted_at_idx" ON "request_fact"("region_code", "submitted_at");

-- CreateIndex
CREATE INDEX "request_fact_submitted_at_idx" ON "request_fact"("submitted_at");

-- CreateIndex
CREATE INDEX "request_fact_long_open_active_until_idx" ON "request_fact"("long_open", "active_until");

-- CreateIndex
CREATE INDEX "request_fact_changed_xid_idx" ON "request_fact"("changed_xid");

-- CreateIndex
CREATE INDEX "request_fact_patient_id_idx" ON "request_fact"("patient_id");

-- CreateIndex
CREATE INDEX "referral_fact_request_id_idx" ON "referral_fact"("request_id");

-- CreateIndex
CREATE INDEX "referral_fact_changed_xid_idx" ON "referral_fact"("changed_xid");

-- CreateIndex
CREATE INDEX "dashboard_cell_department_code_month_idx" ON "dashboard_cell"("department_code", "month");

-- CreateIndex
CREATE INDEX "dashboard_cell_region_code_month_idx" ON "dashboard_cell"("region_code", "month");

-- CreateIndex
CREATE INDEX "dashboard_cell_month_idx" ON "dashboard_cell"("month");

-- ───────────────────────────── Dashboards: the projection of the event log (hand-written SQL:
-- functions, a trigger and a view, which schema.prisma cannot describe)

-- Opening hours, in hours, between two instants, in a territory's weekly opening hours
-- ({"mon": [["08:00", "20:00"]], ..., "sun": []}, Europe/Paris wall clock): the measure of
-- addOpeningHours (lib/requests/due-dates.ts), the service level's own clock. A territory with no
-- opening hours at all counts calendar hours. Spans longer than two weeks count their whole weeks
-- at once (wall-clock hours: a slot over 02:00-03:00 on the two daylight-saving Sundays is off by
-- one hour).
CREATE FUNCTION dashboard_opening_hours(hours jsonb, a timestamptz, b timestamptz) RETURNS double precision
LANGUAGE plpgsql STABLE AS $$
DECLARE
  names CONSTANT text[] := ARRAY['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']; -- extract(dow): 0 = Sunday
  day date;
  last_day date;
  slot jsonb;
  slot_start timestamptz;
  slot_end timestamptz;
  week double precision := 0;
  weeks integer;
  total double precision := 0;
BEGIN
  IF a IS NULL OR b IS NULL THEN RETURN NULL; END IF;
  IF b <= a THEN RETURN 0; END IF;
  IF hours IS NOT NULL AND jsonb_typeof(hours) = 'object' THEN
    SELECT coalesce(sum(extract(epoch FROM (s.value ->> 1)::time - (s.value ->> 0)::time)), 0) INTO week
    FROM jsonb_each(hours) d, jsonb_array_elements(CASE WHEN jsonb_typeof(d.value) = 'array' THEN d.value ELSE '[]' END) s;
  END IF;
  IF week <= 0 THEN RETURN extract(epoch FROM b - a) / 3600; END IF;

  day := (a AT TIME ZONE 'Europe/Paris')::date;
  last_day := (b AT TIME ZONE 'Europe/Paris')::date;
  WHILE day <= last_day LOOP
    -- The first day is counted slot by slot (it may start mid-slot); then whole weeks at once,
    -- leaving the last week to be counted slot by slot as well.
    IF day > (a AT TIME ZONE 'Europe/Paris')::date AND last_day - day > 14 THEN
      weeks := (last_day - day - 7) / 7;
      total := total + weeks * week;
      day := day + 7 * weeks;
    END IF;
    FOR slot IN SELECT value FROM jsonb_array_elements(coalesce(hours -> names[extract(dow FROM day)::int + 1], '[]')) LOOP
      slot_start := (day + (slot ->> 0)::time) AT TIME ZONE 'Europe/Paris';
      slot_end := (day + (slot ->> 1)::time) AT TIME ZONE 'Europe/Paris'; -- "24:00" is the next midnight
      IF slot_end > a AND slot_start < b THEN
        total := total + extract(epoch FROM least(slot_end, b) - greatest(slot_start, a));
      END IF;
    END LOOP;
    day := day + 1;
  END LOOP;
  RETURN total / 3600;
END;
$$;

-- Requests open (or once open) for more than 90 days are "long open": the active file of a period
-- looks them up through their own index instead of reading the history before the period.
CREATE FUNCTION dashboard_long_open(submitted_at timestamptz, active_until timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN active_until = 'infinity' THEN true ELSE active_until - submitted_at > interval '90 days' END $$;

-- The projection: each event about a request updates the request's fact row (and its referrals'),
-- in the transaction that writes the event. The immutable attributes of the filing that the event
-- does not carry (commune, kind of requester) are read from the request row at submission.
-- Every change stamps changed_xid (the writing transaction) for the cube refresh.
CREATE FUNCTION dashboard_project_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  xid CONSTANT bigint := pg_current_xact_id()::text::bigint;
  at_ CONSTANT timestamptz := NEW.at AT TIME ZONE 'UTC'; -- event.at is a UTC timestamp
  rid CONSTANT text := NEW.subject_id;
  d CONSTANT jsonb := NEW.data;
  contact timestamptz;
BEGIN
  CASE NEW.type
  WHEN 'request.submitted' THEN
    INSERT INTO request_fact (request_id, territory_id, commune_code, department_code, region_code, requester_kind, channel,
      urgency, needs, patient_id, first_of_patient, submitted_at, month, unmet_needs, active_until, long_open, changed_xid)
    SELECT r.id, d ->> 'territoryId', c.code, c.department_code, dep.region_code,
      coalesce((d ->> 'requesterKind')::"RequesterKind", r.requester_kind), (d ->> 'channel')::"RequestChannel",
      (d ->> 'urgency')::"Urgency", ARRAY(SELECT n::"Need" FROM jsonb_array_elements_text(d -> 'needs') n),
      d ->> 'patientId',
      d ->> 'patientId' IS NULL OR NOT EXISTS (SELECT 1 FROM request_fact p WHERE p.patient_id = d ->> 'patientId'),
      at_, date_trunc('month', at_ AT TIME ZONE 'Europe/Paris')::date, '{}', 'infinity', true, xid
    FROM request r
    JOIN commune c ON c.code = coalesce(d ->> 'communeCode', r.commune_code)
    JOIN department dep ON dep.code = c.department_code
    WHERE r.id = rid
    ON CONFLICT (request_id) DO NOTHING;
  WHEN 'request.claimed' THEN
    UPDATE request_fact f
    SET triaged_at = at_, changed_xid = xid,
        triage_hours = dashboard_opening_hours((SELECT t.opening_hours FROM territory t WHERE t.id = f.territory_id), f.submitted_at, at_)
    WHERE f.request_id = rid AND f.triaged_at IS NULL;
  WHEN 'referral.first_contact' THEN
    -- A day (midday UTC, as the team's form records it); never before the submission.
    contact := (d ->> 'contactDate')::timestamptz;
    UPDATE request_fact f
    SET first_contact_at = contact, changed_xid = xid,
        first_contact_hours = dashboard_opening_hours((SELECT t.opening_hours FROM territory t WHERE t.id = f.territory_id), f.submitted_at, greatest(contact, f.submitted_at))
    WHERE f.request_id = rid AND (f.first_contact_at IS NULL OR f.first_contact_at > contact);
  WHEN 'request.closed' THEN
    UPDATE request_fact f
    SET closed_at = at_, outcome = (d ->> 'outcome')::"ClosureOutcome", active_until = at_, long_open = dashboard_long_open(f.submitted_at, at_),
        changed_xid = xid
    WHERE f.request_id = rid;
  WHEN 'request.reopened' THEN
    UPDATE request_fact f
    SET closed_at = NULL, outcome = NULL, active_until = coalesce(f.cancelled_at, 'infinity'), long_open = dashboard_long_open(f.submitted_at, coalesce(f.cancelled_at, 'infinity')),
        changed_xid = xid
    WHERE f.request_id = rid;
  WHEN 'request.cancelled' THEN
    UPDATE request_fact f
    SET cancelled_at = at_, cancel_reason = (d ->> 'reason')::"CancelReason", active_until = at_, long_open = dashboard_long_open(f.submitted_at, at_),
        changed_xid = xid
    WHERE f.request_id = rid;
  WHEN 'request.unmet_needs_flagged' THEN
    UPDATE request_fact f
    SET unmet_needs = ARRAY(SELECT DISTINCT n FROM unnest(f.unmet_needs || ARRAY(SELECT x::"Need" FROM jsonb_array_elements_text(d -> 'needs') x)) n ORDER BY n),
        changed_xid = xid
    WHERE f.request_id = rid;
  WHEN 'request.oriented' THEN
    INSERT INTO referral_fact (referral_id, request_id, structure_id, structure_type, proposed_at, changed_xid)
    SELECT z.referral_id, rid, s.id, s.type, at_, xid
    FROM ROWS FROM (jsonb_array_elements_text(d -> 'referralIds'), jsonb_array_elements_text(d -> 'structureIds')) AS z(referral_id, structure_id)
    JOIN structure s ON s.id = z.structure_id
    ON CONFLICT (referral_id) DO NOTHING;
  WHEN 'referral.accepted', 'referral.declined' THEN
    UPDATE referral_fact r
    SET response = CASE NEW.type WHEN 'referral.accepted' THEN 'ACCEPTED' ELSE 'DECLINED' END::"ReferralStatus",
        decline_reason = (d ->> 'reason')::"DeclineReason", responded_at = at_, changed_xid = xid
    WHERE r.referral_id = d ->> 'referralId' AND r.response IS NULL;
  WHEN 'referral.cancelled' THEN
    UPDATE referral_fact r SET cancelled_at = at_, changed_xid = xid WHERE r.referral_id = d ->> 'referralId' AND r.cancelled_at IS NULL;
  ELSE
    NULL;
  END CASE;
  RETURN NULL;
END;
$$;

-- Only the events that change an indicator reach the function. A bulk load (npm run seed:scale)
-- sets maillage.dashboard_projection = 'off' for its session and calls dashboard_rebuild() after.
CREATE TRIGGER dashboard_project_event AFTER INSERT ON "event" FOR EACH ROW
WHEN (NEW.subject_type = 'request'
  AND NEW.type IN ('request.submitted', 'request.claimed', 'request.oriented', 'request.closed', 'request.reopened',
    'request.cancelled', 'request.unmet_needs_flagged', 'referral.accepted', 'referral.declined', 'referral.first_contact',
    'referral.cancelled')
  AND current_setting('maillage.dashboard_projection', true) IS DISTINCT FROM 'off')
EXECUTE FUNCTION dashboard_project_event();

-- The cells each fact counts in: (dim, key) pairs, one row each. Requests cancelled as duplicates
-- count nowhere. Requests with no territory have all their needs unmet. Referrals count in their
-- request's cell (territory, département, month of submission).
CREATE VIEW dashboard_fact_cell AS
SELECT coalesce(f.territory_id, '') AS territory_id, f.department_code, f.region_code, f.month, f.submitted_at, c.dim, c.key
FROM request_fact f
CROSS JOIN LATERAL (
  SELECT 'requests', ''
  UNION ALL SELECT 'origin', f.requester_kind::text
  UNION ALL SELECT 'channel', f.channel::text
  UNION ALL SELECT 'urgency', f.urgency::text
  UNION ALL SELECT 'need', n::text FROM unnest(f.needs) n
  UNION ALL SELECT 'outcome', f.outcome::text WHERE f.outcome IS NOT NULL
  UNION ALL SELECT 'unmet', '' WHERE f.territory_id IS NULL OR cardinality(f.unmet_needs) > 0
  UNION ALL SELECT 'unmet_need', n::text FROM unnest(CASE WHEN f.territory_id IS NULL THEN f.needs ELSE f.unmet_needs END) n
  UNION ALL SELECT 'unmet_commune', n::text || '|' || f.commune_code FROM unnest(CASE WHEN f.territory_id IS NULL THEN f.needs ELSE f.unmet_needs END) n
  UNION ALL SELECT 'triaged', f.urgency::text WHERE f.triage_hours IS NOT NULL
  UNION ALL SELECT 'contacted', f.urgency::text WHERE f.first_contact_hours IS NOT NULL
  UNION ALL SELECT 'new_patient', '' WHERE f.first_of_patient
) AS c(dim, key)
WHERE f.cancel_reason IS DISTINCT FROM 'DUPLICATE'
UNION ALL
SELECT coalesce(f.territory_id, ''), f.department_code, f.region_code, f.month, f.submitted_at, c.dim, c.key
FROM referral_fact r
JOIN request_fact f ON f.request_id = r.request_id
CROSS JOIN LATERAL (
  SELECT 'ref_proposed', r.structure_type::text
  UNION ALL SELECT 'ref_accepted', r.structure_type::text WHERE r.response = 'ACCEPTED'
  UNION ALL SELECT 'ref_declined', r.structure_type::text WHERE r.response = 'DECLINED'
  UNION ALL SELECT 'decline_reason', r.decline_reason::text WHERE r.response = 'DECLINED' AND r.decline_reason IS NOT NULL
) AS c(dim, key)
WHERE f.cancel_reason IS DISTINCT FROM 'DUPLICATE';

-- Brings the cube up to date: recounts the (département, month) slices that hold a fact changed
-- by a transaction at or after the stored horizon, then moves the horizon to the oldest
-- transaction still running. A transaction that commits after this run has an id at or above the
-- new horizon: the next run takes it. Returns the number of slices recounted (-1: everything).
CREATE FUNCTION dashboard_refresh() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  horizon bigint;
  next_horizon bigint;
  slices integer := 0;
  s record;
BEGIN
  -- Nothing changed since the last run (the usual case): no lock, no write.
  SELECT p.horizon_xid INTO horizon FROM dashboard_projection p WHERE p.id = 1;
  IF horizon IS NOT NULL AND NOT EXISTS (SELECT 1 FROM request_fact f WHERE f.changed_xid >= horizon)
     AND NOT EXISTS (SELECT 1 FROM referral_fact r WHERE r.changed_xid >= horizon) THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(727073690);
  next_horizon := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
  SELECT p.horizon_xid INTO horizon FROM dashboard_projection p WHERE p.id = 1;
  IF horizon IS NULL THEN
    -- First run, or the tables were emptied: count everything.
    DELETE FROM dashboard_cell;
    INSERT INTO dashboard_cell (territory_id, department_code, month, region_code, dim, key, n)
    SELECT v.territory_id, v.department_code, v.month, v.region_code, v.dim, v.key, count(*)
    FROM dashboard_fact_cell v GROUP BY 1, 2, 3, 4, 5, 6;
    slices := -1;
  ELSE
    FOR s IN
      SELECT f.department_code, f.month FROM request_fact f WHERE f.changed_xid >= horizon
      UNION
      SELECT f.department_code, f.month FROM referral_fact r JOIN request_fact f ON f.request_id = r.request_id WHERE r.changed_xid >= horizon
    LOOP
      DELETE FROM dashboard_cell c WHERE c.department_code = s.department_code AND c.month = s.month;
      INSERT INTO dashboard_cell (territory_id, department_code, month, region_code, dim, key, n)
      SELECT v.territory_id, v.department_code, v.month, v.region_code, v.dim, v.key, count(*)
      FROM dashboard_fact_cell v
      WHERE v.department_code = s.department_code
        AND v.submitted_at >= (s.month::timestamp AT TIME ZONE 'Europe/Paris')
        AND v.submitted_at < ((s.month + interval '1 month')::timestamp AT TIME ZONE 'Europe/Paris')
      GROUP BY 1, 2, 3, 4, 5, 6;
      slices := slices + 1;
    END LOOP;
  END IF;
  INSERT INTO dashboard_projection (id, horizon_xid, refreshed_at) VALUES (1, next_horizon, now())
  ON CONFLICT (id) DO UPDATE SET horizon_xid = EXCLUDED.horizon_xid, refreshed_at = EXCLUDED.refreshed_at;
  RETURN slices;
END;
$$;

-- Rebuilds every fact from the event log, set-based (after a bulk load, or when the projection
-- changes), then the whole cube. Same rules as dashboard_project_event, row for row.
CREATE FUNCTION dashboard_rebuild() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727073690);
  TRUNCATE request_fact, referral_fact, dashboard_cell, dashboard_projection;

  INSERT INTO request_fact (request_id, territory_id, commune_code, department_code, region_code, requester_kind, channel,
    urgency, needs, patient_id, first_of_patient, submitted_at, month, triaged_at, first_contact_at, closed_at, outcome,
    cancelled_at, cancel_reason, unmet_needs, triage_hours, first_contact_hours, active_until, long_open, changed_xid)
  WITH submitted AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.at AT TIME ZONE 'UTC' AS at, e.data AS d
    FROM "event" e WHERE e.type = 'request.submitted' AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id
  ), claimed AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.at AT TIME ZONE 'UTC' AS at
    FROM "event" e WHERE e.type = 'request.claimed' AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id
  ), contacted AS (
    SELECT e.subject_id AS request_id, min((e.data ->> 'contactDate')::timestamptz) AS at
    FROM "event" e WHERE e.type = 'referral.first_contact' AND e.subject_type = 'request'
    GROUP BY e.subject_id
  ), closure AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.type, e.at AT TIME ZONE 'UTC' AS at, e.data ->> 'outcome' AS outcome
    FROM "event" e WHERE e.type IN ('request.closed', 'request.reopened') AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id DESC
  ), cancelled AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.at AT TIME ZONE 'UTC' AS at, e.data ->> 'reason' AS reason
    FROM "event" e WHERE e.type = 'request.cancelled' AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id
  ), unmet AS (
    SELECT e.subject_id AS request_id, array_agg(DISTINCT n.need::"Need" ORDER BY n.need::"Need") AS needs
    FROM "event" e, jsonb_array_elements_text(e.data -> 'needs') AS n(need)
    WHERE e.type = 'request.unmet_needs_flagged' AND e.subject_type = 'request'
    GROUP BY e.subject_id
  ), base AS (
    SELECT s.request_id, s.d ->> 'territoryId' AS territory_id, c.code AS commune_code, c.department_code, dep.region_code,
      coalesce((s.d ->> 'requesterKind')::"RequesterKind", r.requester_kind) AS requester_kind,
      (s.d ->> 'channel')::"RequestChannel" AS channel, (s.d ->> 'urgency')::"Urgency" AS urgency,
      ARRAY(SELECT n::"Need" FROM jsonb_array_elements_text(s.d -> 'needs') n) AS needs,
      s.d ->> 'patientId' AS patient_id, s.at AS submitted_at,
      cl.at AS triaged_at, co.at AS first_contact_at,
      CASE WHEN z.type = 'request.closed' THEN z.at END AS closed_at,
      CASE WHEN z.type = 'request.closed' THEN z.outcome::"ClosureOutcome" END AS outcome,
      ca.at AS cancelled_at, ca.reason::"CancelReason" AS cancel_reason,
      coalesce(u.needs, '{}') AS unmet_needs, t.opening_hours
    FROM submitted s
    JOIN request r ON r.id = s.request_id
    JOIN commune c ON c.code = coalesce(s.d ->> 'communeCode', r.commune_code)
    JOIN department dep ON dep.code = c.department_code
    LEFT JOIN territory t ON t.id = s.d ->> 'territoryId'
    LEFT JOIN claimed cl ON cl.request_id = s.request_id
    LEFT JOIN contacted co ON co.request_id = s.request_id
    LEFT JOIN closure z ON z.request_id = s.request_id
    LEFT JOIN cancelled ca ON ca.request_id = s.request_id
    LEFT JOIN unmet u ON u.request_id = s.request_id
  )
  SELECT b.request_id, b.territory_id, b.commune_code, b.department_code, b.region_code, b.requester_kind, b.channel,
    b.urgency, b.needs, b.patient_id,
    b.patient_id IS NULL OR row_number() OVER (PARTITION BY b.patient_id ORDER BY b.submitted_at, b.request_id) = 1,
    b.submitted_at, date_trunc('month', b.submitted_at AT TIME ZONE 'Europe/Paris')::date,
    b.triaged_at, b.first_contact_at, b.closed_at, b.outcome, b.cancelled_at, b.cancel_reason, b.unmet_needs,
    dashboard_opening_hours(b.opening_hours, b.submitted_at, b.triaged_at),
    CASE WHEN b.first_contact_at IS NOT NULL THEN dashboard_opening_hours(b.opening_hours, b.submitted_at, greatest(b.first_contact_at, b.submitted_at)) END,
    coalesce(b.closed_at, b.cancelled_at, 'infinity'),
    dashboard_long_open(b.submitted_at, coalesce(b.closed_at, b.cancelled_at, 'infinity')),
    0 -- in the cube as of this rebuild
  FROM base b;

  INSERT INTO referral_fact (referral_id, request_id, structure_id, structure_type, proposed_at, response, responded_at,
    decline_reason, cancelled_at, changed_xid)
  WITH proposed AS (
    SELECT DISTINCT ON (z.referral_id) z.referral_id, e.subject_id AS request_id, z.structure_id, e.at AT TIME ZONE 'UTC' AS at
    FROM "event" e
    CROSS JOIN LATERAL ROWS FROM (jsonb_array_elements_text(e.data -> 'referralIds'), jsonb_array_elements_text(e.data -> 'structureIds')) AS z(referral_id, structure_id)
    WHERE e.type = 'request.oriented' AND e.subject_type = 'request'
    ORDER BY z.referral_id, e.id
  ), answered AS (
    SELECT DISTINCT ON (e.data ->> 'referralId') e.data ->> 'referralId' AS referral_id, e.type, e.at AT TIME ZONE 'UTC' AS at, e.data ->> 'reason' AS reason
    FROM "event" e WHERE e.type IN ('referral.accepted', 'referral.declined') AND e.subject_type = 'request'
    ORDER BY e.data ->> 'referralId', e.id
  ), cancelled AS (
    SELECT e.data ->> 'referralId' AS referral_id, min(e.at AT TIME ZONE 'UTC') AS at
    FROM "event" e WHERE e.type = 'referral.cancelled' AND e.subject_type = 'request'
    GROUP BY e.data ->> 'referralId'
  )
  SELECT p.referral_id, p.request_id, s.id, s.type, p.at,
    CASE a.type WHEN 'referral.accepted' THEN 'ACCEPTED' WHEN 'referral.declined' THEN 'DECLINED' END::"ReferralStatus",
    a.at, a.reason::"DeclineReason", c.at, 0
  FROM proposed p
  JOIN structure s ON s.id = p.structure_id
  JOIN request_fact f ON f.request_id = p.request_id
  LEFT JOIN answered a ON a.referral_id = p.referral_id
  LEFT JOIN cancelled c ON c.referral_id = p.referral_id;

  PERFORM dashboard_refresh();
END;
$$;
