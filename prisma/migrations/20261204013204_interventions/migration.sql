-- Activity records (issue 14): what a team or the coordination did for a request, typed (home visit,
-- consultation, phone advice, family meeting…), with its day and duration.
-- CreateEnum
CREATE TYPE "InterventionKind" AS ENUM ('HOME_VISIT', 'CONSULTATION', 'PHONE_ADVICE', 'FAMILY_MEETING', 'PSYCHOLOGICAL_SUPPORT', 'DIETICIAN', 'SOCIAL_WORK', 'COORDINATION_VISIT');

-- CreateTable
CREATE TABLE "intervention" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "structure_id" TEXT,
    "kind" "InterventionKind" NOT NULL,
    "day" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "note" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intervention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "intervention_request_id_day_idx" ON "intervention"("request_id", "day");

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_structure_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
