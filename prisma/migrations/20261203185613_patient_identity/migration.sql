-- Fuzzy name matching of the duplicates search (lib/patients/find-duplicates.ts): similarity().
-- A trusted extension: created by the database owner, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('PROVISIONAL', 'RECOVERED', 'VALIDATED', 'QUALIFIED');

-- AlterTable
ALTER TABLE "patient" ADD COLUMN     "birth_place_code" TEXT,
ADD COLUMN     "born_abroad" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "identity_status" "IdentityStatus" NOT NULL DEFAULT 'PROVISIONAL',
ADD COLUMN     "ins_oid" TEXT,
ADD COLUMN     "merged_into_id" TEXT;

-- CreateIndex
CREATE INDEX "patient_birth_date_idx" ON "patient"("birth_date");

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_birth_place_code_fkey" FOREIGN KEY ("birth_place_code") REFERENCES "commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient" ADD CONSTRAINT "patient_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "patient"("id") ON DELETE SET NULL ON UPDATE CASCADE;
