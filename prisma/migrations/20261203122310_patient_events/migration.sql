-- CreateEnum
CREATE TYPE "PatientEventKind" AS ENUM ('HOSPITALISED', 'BACK_HOME', 'NURSING_HOME', 'DECEASED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PATIENT_EVENT';

-- CreateTable
CREATE TABLE "patient_event" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "kind" "PatientEventKind" NOT NULL,
    "day" DATE NOT NULL,
    "place" TEXT,
    "reported_by_id" TEXT NOT NULL,
    "structure_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "patient_event_request_id_created_at_idx" ON "patient_event"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "patient_event" ADD CONSTRAINT "patient_event_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_event" ADD CONSTRAINT "patient_event_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
