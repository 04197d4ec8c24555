-- 20261204013548_dashboards_activity replaced dashboard_refresh() (CREATE OR REPLACE), which drops
-- the function's settings: its plans were cached again and, from the 13th call of a pooled
-- connection, the « nothing changed » check scanned every fact (found by npm run bench: 560 ms a
-- dashboard instead of 60-90). Set again (see 20261201193512_dashboards_refresh_custom_plan); a
-- test now checks the setting.
ALTER FUNCTION dashboard_refresh() SET plan_cache_mode = force_custom_plan;
