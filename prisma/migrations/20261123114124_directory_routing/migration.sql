/*
  Warnings:

  - A unique constraint covering the columns `[external_id]` on the table `structure` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "AgeGroup" AS ENUM ('ADULT', 'CHILD');

-- CreateEnum
CREATE TYPE "CapacityStatus" AS ENUM ('AVAILABLE', 'WAITING_LIST', 'FULL', 'ASSESSMENT_FIRST');

-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "override_reason" TEXT,
ADD COLUMN     "suggestion_rank" INTEGER;

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "unmet_needs" "Need"[] DEFAULT ARRAY[]::"Need"[];

-- AlterTable
ALTER TABLE "structure" ADD COLUMN     "address" TEXT,
ADD COLUMN     "address_commune_code" TEXT,
ADD COLUMN     "age_groups" "AgeGroup"[] DEFAULT ARRAY['ADULT']::"AgeGroup"[],
ADD COLUMN     "backup_name" TEXT,
ADD COLUMN     "backup_phone" TEXT,
ADD COLUMN     "beds" INTEGER,
ADD COLUMN     "capacity_confirmed_at" TIMESTAMP(3),
ADD COLUMN     "capacity_since" TIMESTAMP(3),
ADD COLUMN     "capacity_status" "CapacityStatus" NOT NULL DEFAULT 'AVAILABLE',
ADD COLUMN     "coverage_commune_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "coverage_department_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "coverage_territory_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "description" TEXT,
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "hours_note" TEXT,
ADD COLUMN     "on_call_24h" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "opening_hours" JSONB,
ADD COLUMN     "referent_name" TEXT,
ADD COLUMN     "referent_phone" TEXT,
ADD COLUMN     "secure_email" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "structure_offer" (
    "structure_id" TEXT NOT NULL,
    "need" "Need" NOT NULL,
    "setting" "PlaceOfCare" NOT NULL,

    CONSTRAINT "structure_offer_pkey" PRIMARY KEY ("structure_id","need","setting")
);

-- CreateTable
CREATE TABLE "territory_routing_rules" (
    "territory_id" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "territory_routing_rules_pkey" PRIMARY KEY ("territory_id")
);

-- CreateIndex
CREATE INDEX "structure_offer_need_setting_idx" ON "structure_offer"("need", "setting");

-- CreateIndex
CREATE UNIQUE INDEX "structure_external_id_key" ON "structure"("external_id");

-- CreateIndex
CREATE INDEX "structure_type_idx" ON "structure"("type");

-- CreateIndex
CREATE INDEX "structure_coverage_commune_codes_idx" ON "structure" USING GIN ("coverage_commune_codes");

-- CreateIndex
CREATE INDEX "structure_coverage_department_codes_idx" ON "structure" USING GIN ("coverage_department_codes");

-- CreateIndex
CREATE INDEX "structure_coverage_territory_ids_idx" ON "structure" USING GIN ("coverage_territory_ids");

-- AddForeignKey
ALTER TABLE "structure" ADD CONSTRAINT "structure_address_commune_code_fkey" FOREIGN KEY ("address_commune_code") REFERENCES "commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "structure_offer" ADD CONSTRAINT "structure_offer_structure_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_routing_rules" ADD CONSTRAINT "territory_routing_rules_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;
