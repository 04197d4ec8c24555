-- dashboard_refresh() runs before every dashboard read. Its "nothing changed since the last run"
-- check (changed_xid >= horizon OR changed_xid = ANY(pending)) is cheap on the changed_xid indexes
-- with the actual horizon, but PL/pgSQL caches its statements' plans and, after five calls in a
-- session, may switch to a generic plan that cannot know how recent the horizon is: it then scans
-- every fact (measured on 1.5 million requests: 4 ms → 350 ms per call from the 13th call of a
-- pooled connection on). Plan each call for its own values.
ALTER FUNCTION dashboard_refresh() SET plan_cache_mode = force_custom_plan;
