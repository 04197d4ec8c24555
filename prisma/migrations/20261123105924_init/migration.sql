-- CreateEnum
CREATE TYPE "Role" AS ENUM ('GP', 'COORDINATOR', 'TEAM_MEMBER', 'ARS', 'ADMIN');

-- CreateEnum
CREATE TYPE "StructureType" AS ENUM ('EMSP', 'HAD', 'SSIAD', 'PALLIATIVE_NETWORK', 'HEALTH_NETWORK', 'USP', 'LISP', 'PAIN_CLINIC', 'PALLIATIVE_DAY_HOSPITAL', 'ERRSPP', 'PSYCHOLOGIST', 'DIETICIAN', 'SOCIAL_WORKER', 'PHYSIOTHERAPIST', 'VOLUNTEERS', 'CPTS', 'OTHER');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "department" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "commune" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "postal_codes" TEXT[],
    "population" INTEGER NOT NULL DEFAULT 0,
    "search_name" TEXT NOT NULL,

    CONSTRAINT "commune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "territory" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "public_phone" TEXT NOT NULL,
    "email" TEXT,
    "opening_hours" JSONB NOT NULL,
    "triage_hours_crisis" INTEGER NOT NULL DEFAULT 4,
    "triage_hours_planned" INTEGER NOT NULL DEFAULT 24,
    "first_contact_hours_crisis" INTEGER NOT NULL DEFAULT 48,
    "first_contact_hours_planned" INTEGER NOT NULL DEFAULT 120,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "territory_commune" (
    "territory_id" TEXT NOT NULL,
    "commune_code" TEXT NOT NULL,

    CONSTRAINT "territory_commune_pkey" PRIMARY KEY ("territory_id","commune_code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "rpps" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password" (
    "user_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "password_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "territory_membership" (
    "user_id" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,

    CONSTRAINT "territory_membership_pkey" PRIMARY KEY ("user_id","territory_id")
);

-- CreateTable
CREATE TABLE "structure" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "StructureType" NOT NULL,
    "finess" TEXT,
    "territory_id" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "structure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "structure_membership" (
    "user_id" TEXT NOT NULL,
    "structure_id" TEXT NOT NULL,

    CONSTRAINT "structure_membership_pkey" PRIMARY KEY ("user_id","structure_id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "subject_type" TEXT,
    "subject_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "department_region_code_idx" ON "department"("region_code");

-- CreateIndex
CREATE INDEX "commune_department_code_idx" ON "commune"("department_code");

-- CreateIndex
CREATE INDEX "commune_search_name_prefix_idx" ON "commune"("search_name" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "territory_slug_key" ON "territory"("slug");

-- CreateIndex
CREATE INDEX "territory_commune_commune_code_idx" ON "territory_commune"("commune_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "territory_membership_territory_id_idx" ON "territory_membership"("territory_id");

-- CreateIndex
CREATE UNIQUE INDEX "structure_finess_key" ON "structure"("finess");

-- CreateIndex
CREATE INDEX "structure_territory_id_idx" ON "structure"("territory_id");

-- CreateIndex
CREATE INDEX "structure_membership_structure_id_idx" ON "structure_membership"("structure_id");

-- CreateIndex
CREATE INDEX "event_subject_type_subject_id_at_idx" ON "event"("subject_type", "subject_id", "at");

-- CreateIndex
CREATE INDEX "event_type_at_idx" ON "event"("type", "at");

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_department_code_fkey" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_commune" ADD CONSTRAINT "territory_commune_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_commune" ADD CONSTRAINT "territory_commune_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password" ADD CONSTRAINT "password_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_membership" ADD CONSTRAINT "territory_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_membership" ADD CONSTRAINT "territory_membership_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "structure_membership" ADD CONSTRAINT "structure_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "structure_membership" ADD CONSTRAINT "structure_membership_structure_id_fkey" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
