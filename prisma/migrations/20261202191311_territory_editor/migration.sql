/*
  Warnings:

  - A unique constraint covering the columns `[commune_code]` on the table `territory_commune` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "territory_commune_commune_code_idx";

-- CreateTable
CREATE TABLE "territory_closure" (
    "territory_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "label" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "territory_closure_pkey" PRIMARY KEY ("territory_id","day")
);

-- A commune in several territories (allowed until now) keeps the one the request form already chose:
-- the oldest territory, then the smallest id (lib/geography/queries.ts).
DELETE FROM "territory_commune" tc
USING "territory_commune" other, "territory" mine, "territory" theirs
WHERE other.commune_code = tc.commune_code AND other.territory_id <> tc.territory_id
  AND mine.id = tc.territory_id AND theirs.id = other.territory_id
  AND (theirs.created_at, theirs.id) < (mine.created_at, mine.id);

-- CreateIndex
CREATE UNIQUE INDEX "territory_commune_commune_code_key" ON "territory_commune"("commune_code");

-- AddForeignKey
ALTER TABLE "territory_closure" ADD CONSTRAINT "territory_closure_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory_closure" ADD CONSTRAINT "territory_closure_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
