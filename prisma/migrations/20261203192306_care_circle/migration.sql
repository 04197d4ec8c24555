-- CreateEnum
CREATE TYPE "CareContactRole" AS ENUM ('CARER', 'TRUSTED_PERSON', 'GP', 'HOME_NURSE', 'PHARMACIST', 'PHYSIOTHERAPIST', 'OTHER_PROFESSIONAL');


-- CreateTable
CREATE TABLE "care_contact" (
    "id" TEXT NOT NULL,
    "patient_id" TEXT NOT NULL,
    "role" "CareContactRole" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "note" TEXT,
    "added_by_id" TEXT,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),
    "removed_by_id" TEXT,

    CONSTRAINT "care_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "care_contact_patient_id_idx" ON "care_contact"("patient_id");

-- AddForeignKey
ALTER TABLE "care_contact" ADD CONSTRAINT "care_contact_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The carer once kept on the patient row (never filled by a form, but a deployment may have set
-- it) becomes the first member of the care circle, then the columns go.
INSERT INTO "care_contact" ("id", "patient_id", "role", "name", "phone", "added_at")
SELECT 'cc' || md5("id"), "id", 'CARER', "carer_name", "carer_phone", "updated_at" FROM "patient" WHERE "carer_name" IS NOT NULL;

-- AlterTable
ALTER TABLE "patient" DROP COLUMN "carer_name",
DROP COLUMN "carer_phone";
