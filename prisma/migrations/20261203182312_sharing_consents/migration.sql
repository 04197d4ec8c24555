-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('ORAL', 'WRITTEN', 'REPRESENTATIVE');

-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "sharing_withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "sharing_consent" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "structure_id" TEXT,
    "granted" BOOLEAN NOT NULL,
    "method" "ConsentMethod" NOT NULL,
    "representative_name" TEXT,
    "note" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sharing_consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sharing_consent_request_id_recorded_at_idx" ON "sharing_consent"("request_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "sharing_consent" ADD CONSTRAINT "sharing_consent_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_consent" ADD CONSTRAINT "sharing_consent_structure_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sharing_consent" ADD CONSTRAINT "sharing_consent_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Requests filed before consents were records: the GP's form (and the coordinator's phone intake)
-- attested the patient's consent to the coordination and to sharing with the structures it
-- solicits; record it as said then, by who filed it. The public form never did (a family asks to
-- be called back): its requests have no sharing consent until the coordinator records one.
INSERT INTO "sharing_consent" ("id", "request_id", "structure_id", "granted", "method", "recorded_by_id", "recorded_at")
SELECT 'bf' || md5(r."id"), r."id", NULL, true, 'ORAL', COALESCE(r."requester_id", e."actor_id"), r."submitted_at"
FROM "request" r
LEFT JOIN LATERAL (
  SELECT ev."actor_id" FROM "event" ev
  WHERE ev."subject_type" = 'request' AND ev."subject_id" = r."id" AND ev."type" = 'request.submitted'
  ORDER BY ev."at" LIMIT 1
) e ON true
WHERE r."consent_coordination" AND r."channel" <> 'PUBLIC' AND COALESCE(r."requester_id", e."actor_id") IS NOT NULL;
