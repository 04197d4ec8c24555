-- The dashboards count the requests discussed in an RCP soins de support (issue 14):
-- request_fact.rcp_discussed, set by the projection on request.rcp_discussed and by the rebuild,
-- a cube cell "rcp_discussed". dashboard_refresh() is not replaced (its settings stay).

-- AlterTable
ALTER TABLE "request_fact" ADD COLUMN     "rcp_discussed" BOOLEAN NOT NULL DEFAULT false;


CREATE OR REPLACE FUNCTION dashboard_project_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  xid CONSTANT bigint := pg_current_xact_id()::text::bigint;
  at_ CONSTANT timestamptz := NEW.at AT TIME ZONE 'UTC'; -- event.at is a UTC timestamp
  rid CONSTANT text := NEW.subject_id;
  d CONSTANT jsonb := NEW.data;
  contact timestamptz;
  previous text;
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
  WHEN 'request.territory_assigned' THEN
    -- A request hors territoire given to a territory: it counts there from now on, no longer as unmet.
    UPDATE request_fact f SET territory_id = d ->> 'territoryId', changed_xid = xid WHERE f.request_id = rid;
  WHEN 'request.patient_identified', 'request.patient_merged' THEN
    -- The request's patient, identified (a public or phone request) or merged into another record:
    -- the active file counts that person once, and "new patient" goes to each person's first request.
    SELECT f.patient_id INTO previous FROM request_fact f WHERE f.request_id = rid;
    UPDATE request_fact f SET patient_id = d ->> 'patientId', changed_xid = xid
    WHERE f.request_id = rid AND f.patient_id IS DISTINCT FROM d ->> 'patientId';
    UPDATE request_fact f SET first_of_patient = w.first, changed_xid = xid
    FROM (
      SELECT p.request_id, p.patient_id IS NULL OR row_number() OVER (PARTITION BY p.patient_id ORDER BY p.submitted_at, p.request_id) = 1 AS first
      FROM request_fact p WHERE p.patient_id = d ->> 'patientId' OR p.patient_id = previous OR p.request_id = rid
    ) w
    WHERE f.request_id = w.request_id AND f.first_of_patient IS DISTINCT FROM w.first;
  WHEN 'request.screening_recorded' THEN
    -- The latest PALLIA-10: positive with question 1 « oui » and more than 3 « oui »
    -- (PALLIA10_THRESHOLD, lib/screening/grids.ts).
    IF d ->> 'grid' = 'PALLIA10' THEN
      UPDATE request_fact f
      SET pallia10_positive = (SELECT coalesce((a.answers -> 'yes' ->> 0)::boolean, false) AND a.score > 3 FROM screening_answer a WHERE a.id = d ->> 'screeningId'),
          changed_xid = xid
      WHERE f.request_id = rid;
    END IF;
  WHEN 'request.rcp_discussed' THEN
    UPDATE request_fact f SET rcp_discussed = true, changed_xid = xid WHERE f.request_id = rid AND NOT f.rcp_discussed;
  WHEN 'request.intervention_recorded' THEN
    INSERT INTO intervention_fact (intervention_id, request_id, kind, structure_type, changed_xid)
    SELECT d ->> 'interventionId', f.request_id, (d ->> 'kind')::"InterventionKind", s.type, xid
    FROM request_fact f
    LEFT JOIN structure s ON s.id = d ->> 'teamStructureId'
    WHERE f.request_id = rid
    ON CONFLICT (intervention_id) DO NOTHING;
  WHEN 'request.oriented' THEN
    -- The referral rows are written in the same transaction, with the routing's rank of each.
    INSERT INTO referral_fact (referral_id, request_id, structure_id, structure_type, proposed_at, off_suggestion, changed_xid)
    SELECT z.referral_id, rid, s.id, s.type, at_, coalesce(x.suggestion_rank IS NULL, false), xid
    FROM ROWS FROM (jsonb_array_elements_text(d -> 'referralIds'), jsonb_array_elements_text(d -> 'structureIds')) AS z(referral_id, structure_id)
    JOIN structure s ON s.id = z.structure_id
    LEFT JOIN referral x ON x.id = z.referral_id
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

DROP TRIGGER dashboard_project_event ON "event";
CREATE TRIGGER dashboard_project_event AFTER INSERT ON "event" FOR EACH ROW
WHEN (NEW.subject_type = 'request'
  AND NEW.type IN ('request.submitted', 'request.claimed', 'request.oriented', 'request.closed', 'request.reopened',
    'request.cancelled', 'request.unmet_needs_flagged', 'request.territory_assigned',
    'request.patient_identified', 'request.patient_merged', 'request.screening_recorded', 'request.intervention_recorded', 'request.rcp_discussed',
    'referral.accepted', 'referral.declined', 'referral.first_contact',
    'referral.cancelled')
  AND current_setting('maillage.dashboard_projection', true) IS DISTINCT FROM 'off')
EXECUTE FUNCTION dashboard_project_event();

CREATE OR REPLACE FUNCTION dashboard_rebuild() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727073690);
  TRUNCATE request_fact, referral_fact, intervention_fact, dashboard_cell, dashboard_projection;

  INSERT INTO request_fact (request_id, territory_id, commune_code, department_code, region_code, requester_kind, channel,
    urgency, needs, patient_id, first_of_patient, submitted_at, month, triaged_at, first_contact_at, closed_at, outcome,
    cancelled_at, cancel_reason, unmet_needs, triage_hours, first_contact_hours, active_until, long_open, pallia10_positive, rcp_discussed, changed_xid)
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
  ), assigned AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.data ->> 'territoryId' AS territory_id
    FROM "event" e WHERE e.type = 'request.territory_assigned' AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id DESC
  ), identified AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.data ->> 'patientId' AS patient_id
    FROM "event" e WHERE e.type IN ('request.patient_identified', 'request.patient_merged') AND e.subject_type = 'request'
    ORDER BY e.subject_id, e.id DESC
  ), pallia AS (
    SELECT DISTINCT ON (e.subject_id) e.subject_id AS request_id, e.data ->> 'screeningId' AS screening_id
    FROM "event" e WHERE e.type = 'request.screening_recorded' AND e.subject_type = 'request' AND e.data ->> 'grid' = 'PALLIA10'
    ORDER BY e.subject_id, e.id DESC
  ), rcp AS (
    SELECT DISTINCT e.subject_id AS request_id
    FROM "event" e WHERE e.type = 'request.rcp_discussed' AND e.subject_type = 'request'
  ), slots AS (
    SELECT t.id, dashboard_week_slots(t.opening_hours) AS slots FROM territory t
  ), base AS (
    SELECT s.request_id, coalesce(g.territory_id, s.d ->> 'territoryId') AS territory_id, c.code AS commune_code, c.department_code, dep.region_code,
      coalesce((s.d ->> 'requesterKind')::"RequesterKind", r.requester_kind) AS requester_kind,
      (s.d ->> 'channel')::"RequestChannel" AS channel, (s.d ->> 'urgency')::"Urgency" AS urgency,
      ARRAY(SELECT n::"Need" FROM jsonb_array_elements_text(s.d -> 'needs') n) AS needs,
      coalesce(i.patient_id, s.d ->> 'patientId') AS patient_id, s.at AS submitted_at,
      cl.at AS triaged_at, co.at AS first_contact_at,
      CASE WHEN z.type = 'request.closed' THEN z.at END AS closed_at,
      CASE WHEN z.type = 'request.closed' THEN z.outcome::"ClosureOutcome" END AS outcome,
      ca.at AS cancelled_at, ca.reason::"CancelReason" AS cancel_reason,
      coalesce(u.needs, '{}') AS unmet_needs, t.slots,
      CASE WHEN sa.id IS NOT NULL THEN coalesce((sa.answers -> 'yes' ->> 0)::boolean, false) AND sa.score > 3 END AS pallia10_positive,
      rc.request_id IS NOT NULL AS rcp_discussed
    FROM submitted s
    JOIN request r ON r.id = s.request_id
    JOIN commune c ON c.code = coalesce(s.d ->> 'communeCode', r.commune_code)
    JOIN department dep ON dep.code = c.department_code
    LEFT JOIN assigned g ON g.request_id = s.request_id
    LEFT JOIN identified i ON i.request_id = s.request_id
    LEFT JOIN slots t ON t.id = coalesce(g.territory_id, s.d ->> 'territoryId')
    LEFT JOIN claimed cl ON cl.request_id = s.request_id
    LEFT JOIN contacted co ON co.request_id = s.request_id
    LEFT JOIN closure z ON z.request_id = s.request_id
    LEFT JOIN cancelled ca ON ca.request_id = s.request_id
    LEFT JOIN unmet u ON u.request_id = s.request_id
    LEFT JOIN pallia p ON p.request_id = s.request_id
    LEFT JOIN screening_answer sa ON sa.id = p.screening_id
    LEFT JOIN rcp rc ON rc.request_id = s.request_id
  )
  SELECT b.request_id, b.territory_id, b.commune_code, b.department_code, b.region_code, b.requester_kind, b.channel,
    b.urgency, b.needs, b.patient_id,
    b.patient_id IS NULL OR row_number() OVER (PARTITION BY b.patient_id ORDER BY b.submitted_at, b.request_id) = 1,
    b.submitted_at, date_trunc('month', b.submitted_at AT TIME ZONE 'Europe/Paris')::date,
    b.triaged_at, b.first_contact_at, b.closed_at, b.outcome, b.cancelled_at, b.cancel_reason, b.unmet_needs,
    dashboard_opening_hours_slots(b.slots, b.submitted_at, b.triaged_at),
    CASE WHEN b.first_contact_at IS NOT NULL THEN dashboard_opening_hours_slots(b.slots, b.submitted_at, greatest(b.first_contact_at, b.submitted_at)) END,
    coalesce(b.closed_at, b.cancelled_at, 'infinity'),
    dashboard_long_open(b.submitted_at, coalesce(b.closed_at, b.cancelled_at, 'infinity')),
    b.pallia10_positive,
    b.rcp_discussed,
    0 -- in the cube as of this rebuild
  FROM base b;

  INSERT INTO referral_fact (referral_id, request_id, structure_id, structure_type, proposed_at, response, responded_at,
    decline_reason, cancelled_at, off_suggestion, changed_xid)
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
    a.at, a.reason::"DeclineReason", c.at, coalesce(x.suggestion_rank IS NULL, false), 0
  FROM proposed p
  JOIN structure s ON s.id = p.structure_id
  JOIN request_fact f ON f.request_id = p.request_id
  LEFT JOIN referral x ON x.id = p.referral_id
  LEFT JOIN answered a ON a.referral_id = p.referral_id
  LEFT JOIN cancelled c ON c.referral_id = p.referral_id;

  INSERT INTO intervention_fact (intervention_id, request_id, kind, structure_type, changed_xid)
  WITH recorded AS (
    SELECT e.data ->> 'interventionId' AS intervention_id, e.subject_id AS request_id, e.data ->> 'kind' AS kind, e.data ->> 'teamStructureId' AS structure_id
    FROM "event" e WHERE e.type = 'request.intervention_recorded' AND e.subject_type = 'request'
  )
  SELECT r.intervention_id, r.request_id, r.kind::"InterventionKind", s.type, 0
  FROM recorded r
  JOIN request_fact f ON f.request_id = r.request_id
  LEFT JOIN structure s ON s.id = r.structure_id
  ON CONFLICT (intervention_id) DO NOTHING;

  PERFORM dashboard_refresh();
END;
$$;

CREATE OR REPLACE VIEW dashboard_fact_cell AS
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
  UNION ALL SELECT 'pallia_screened', '' WHERE f.pallia10_positive IS NOT NULL
  UNION ALL SELECT 'pallia_positive', '' WHERE f.pallia10_positive
  UNION ALL SELECT 'rcp_discussed', '' WHERE f.rcp_discussed
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
  UNION ALL SELECT 'ref_off_suggestion', r.structure_type::text WHERE r.off_suggestion
) AS c(dim, key)
WHERE f.cancel_reason IS DISTINCT FROM 'DUPLICATE'
UNION ALL
SELECT coalesce(f.territory_id, ''), f.department_code, f.region_code, f.month, f.submitted_at, c.dim, c.key
FROM intervention_fact i
JOIN request_fact f ON f.request_id = i.request_id
CROSS JOIN LATERAL (
  SELECT 'intervention', i.kind::text
  UNION ALL SELECT 'intervention_by', coalesce(i.structure_type::text, 'COORDINATION')
) AS c(dim, key)
WHERE f.cancel_reason IS DISTINCT FROM 'DUPLICATE';

CREATE OR REPLACE FUNCTION dashboard_build_cube() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  DELETE FROM dashboard_cell;
  INSERT INTO dashboard_cell (territory_id, department_code, month, region_code, dim, key, n)
  WITH f AS MATERIALIZED (
    SELECT coalesce(territory_id, '') AS t, department_code AS d, month AS m, region_code AS r, request_id, requester_kind, channel, urgency,
      needs, outcome, commune_code, triage_hours, first_contact_hours, first_of_patient, pallia10_positive, rcp_discussed,
      CASE WHEN territory_id IS NULL THEN needs ELSE unmet_needs END AS unmet
    FROM request_fact WHERE cancel_reason IS DISTINCT FROM 'DUPLICATE'
  ), x AS MATERIALIZED (
    SELECT f.t, f.d, f.m, f.r, r.structure_type, r.response, r.decline_reason, r.off_suggestion
    FROM referral_fact r JOIN f ON f.request_id = r.request_id
  ), y AS MATERIALIZED (
    SELECT f.t, f.d, f.m, f.r, i.kind, i.structure_type
    FROM intervention_fact i JOIN f ON f.request_id = i.request_id
  )
  SELECT t, d, m, r, 'requests', '', count(*) FROM f GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'origin', requester_kind::text, count(*) FROM f GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'channel', channel::text, count(*) FROM f GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'urgency', urgency::text, count(*) FROM f GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'need', n::text, count(*) FROM f, unnest(f.needs) n GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'outcome', outcome::text, count(*) FROM f WHERE outcome IS NOT NULL GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'unmet', '', count(*) FROM f WHERE cardinality(f.unmet) > 0 GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'unmet_need', n::text, count(*) FROM f, unnest(f.unmet) n GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'unmet_commune', n::text || '|' || commune_code, count(*) FROM f, unnest(f.unmet) n GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'triaged', urgency::text, count(*) FROM f WHERE triage_hours IS NOT NULL GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'contacted', urgency::text, count(*) FROM f WHERE first_contact_hours IS NOT NULL GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'new_patient', '', count(*) FROM f WHERE first_of_patient GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'pallia_screened', '', count(*) FROM f WHERE pallia10_positive IS NOT NULL GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'pallia_positive', '', count(*) FROM f WHERE pallia10_positive GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'rcp_discussed', '', count(*) FROM f WHERE rcp_discussed GROUP BY 1, 2, 3, 4
  UNION ALL SELECT t, d, m, r, 'ref_proposed', structure_type::text, count(*) FROM x GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'ref_accepted', structure_type::text, count(*) FROM x WHERE response = 'ACCEPTED' GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'ref_declined', structure_type::text, count(*) FROM x WHERE response = 'DECLINED' GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'decline_reason', decline_reason::text, count(*) FROM x WHERE response = 'DECLINED' AND decline_reason IS NOT NULL GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'ref_off_suggestion', structure_type::text, count(*) FROM x WHERE off_suggestion GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'intervention', kind::text, count(*) FROM y GROUP BY 1, 2, 3, 4, 6
  UNION ALL SELECT t, d, m, r, 'intervention_by', coalesce(structure_type::text, 'COORDINATION'), count(*) FROM y GROUP BY 1, 2, 3, 4, 6
  -- In key order: a territory's months lie together on disk, which the reads of a period follow.
  ORDER BY 1, 2, 3, 5, 6;
END;
$$;

UPDATE request_fact f SET rcp_discussed = true, changed_xid = pg_current_xact_id()::text::bigint
WHERE EXISTS (SELECT 1 FROM rcp_case c WHERE c.request_id = f.request_id AND c.discussed_at IS NOT NULL);
