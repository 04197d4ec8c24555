-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'UNDETERMINED');

-- CreateEnum
CREATE TYPE "PlaceOfCare" AS ENUM ('HOME', 'NURSING_HOME', 'HOSPITAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Need" AS ENUM ('PAIN', 'OTHER_SYMPTOMS', 'PALLIATIVE_CARE', 'PSYCHOLOGICAL_PATIENT', 'PSYCHOLOGICAL_FAMILY', 'NUTRITION', 'SOCIAL', 'PHYSICAL_ACTIVITY', 'HOME_CARE', 'CARER_RESPITE', 'ETHICAL_REFLECTION');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('CRISIS', 'PLANNED');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('WEB', 'PHONE', 'MAIL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "RequesterKind" AS ENUM ('GP', 'OTHER_PROFESSIONAL', 'HOSPITAL', 'PATIENT_FAMILY');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'TRIAGE', 'ORIENTED', 'IN_CARE', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ClosureOutcome" AS ENUM ('NEEDS_MET', 'REDIRECTED', 'HOSPITALISED', 'DECEASED', 'DECLINED_BY_PATIENT', 'UNREACHABLE', 'OTHER');

-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('DUPLICATE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('OUTSIDE_AREA', 'NOT_OUR_SERVICE', 'FULL', 'PATIENT_REFUSED', 'OTHER');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('COORDINATION', 'INTERVENTION', 'FEEDBACK');

-- CreateTable
CREATE TABLE "patient" (
    "id" TEXT NOT NULL,
    "birth_name" TEXT NOT NULL,
    "first_names" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "identity_key" TEXT NOT NULL,
    "commune_code" TEXT,
    "place_of_care" "PlaceOfCare" NOT NULL,
    "ins" TEXT,
    "phone" TEXT,
    "carer_name" TEXT,
    "carer_phone" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "patient_id" TEXT,
    "territory_id" TEXT,
    "commune_code" TEXT NOT NULL,
    "place_of_care" "PlaceOfCare" NOT NULL,
    "needs" "Need"[],
    "urgency" "Urgency" NOT NULL,
    "channel" "RequestChannel" NOT NULL,
    "requester_kind" "RequesterKind" NOT NULL,
    "requester_id" TEXT,
    "requester_name" TEXT,
    "requester_phone" TEXT,
    "requester_relation" TEXT,
    "details" TEXT,
    "consent_coordination" BOOLEAN NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "owner_id" TEXT,
    "needs_reorientation" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triage_due_at" TIMESTAMP(3),
    "contact_due_at" TIMESTAMP(3),
    "triaged_at" TIMESTAMP(3),
    "first_contact_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closure_outcome" "ClosureOutcome",
    "closure_summary" TEXT,
    "cancel_reason" "CancelReason",
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "structure_id" TEXT NOT NULL,
    "needs" "Need"[],
    "status" "ReferralStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposed_by_id" TEXT NOT NULL,
    "proposed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responded_at" TIMESTAMP(3),
    "decline_reason" "DeclineReason",
    "decline_details" TEXT,
    "first_contact_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_note" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "referral_id" TEXT,
    "author_id" TEXT NOT NULL,
    "kind" "NoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_note_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "patient_identity_key_key" ON "patient"("identity_key");

-- CreateIndex
CREATE UNIQUE INDEX "request_number_key" ON "request"("number");

-- CreateIndex
CREATE INDEX "request_territory_id_status_triage_due_at_idx" ON "request"("territory_id", "status", "triage_due_at");

-- CreateIndex
CREATE INDEX "request_requester_id_submitted_at_idx" ON "request"("requester_id", "submitted_at");

-- CreateIndex
CREATE INDEX "request_patient_id_idx" ON "request"("patient_id");

-- CreateIndex
CREATE INDEX "referral_structure_id_status_proposed_at_idx" ON "referral"("structure_id", "status", "proposed_at");

-- CreateIndex
CREATE INDEX "referral_request_id_idx" ON "referral"("request_id");

-- CreateIndex
CREATE INDEX "request_note_request_id_created_at_idx" ON "request_note"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "structure" ADD CONSTRAINT "structure_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request" ADD CONSTRAINT "request_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_structure_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_note" ADD CONSTRAINT "request_note_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;
