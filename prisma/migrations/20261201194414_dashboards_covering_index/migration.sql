-- DropIndex
DROP INDEX "request_fact_territory_id_submitted_at_idx";

-- CreateIndex
CREATE INDEX "request_fact_scope_covering_idx" ON "request_fact"("territory_id", "submitted_at", "department_code", "region_code", "patient_id", "request_id", "active_until", "cancel_reason", "long_open", "urgency", "triage_hours", "first_contact_hours");
