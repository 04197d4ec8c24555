-- CreateIndex
CREATE INDEX "event_actor_id_at_idx" ON "event"("actor_id", "at");

-- The event table is the audit trail: append-only. No UPDATE, no DELETE, from the application or
-- from anyone with a SQL prompt short of dropping this trigger (itself a schema change, visible in
-- the migrations). TRUNCATE, used only by the test suites between tests, is not a row operation.
CREATE FUNCTION event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal des événements est en ajout seul : % refusé.', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON "event"
FOR EACH ROW EXECUTE FUNCTION event_append_only();
