-- Screening and evaluation grids (issue 14): PALLIA-10, OMS performance status, distress
-- thermometer, pain (numeric scale + DN4); append-only answers of a request, each with its version.
-- CreateEnum
CREATE TYPE "ScreeningGrid" AS ENUM ('PALLIA10', 'PERFORMANCE_STATUS', 'DISTRESS', 'PAIN');

-- CreateTable
CREATE TABLE "screening_answer" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "grid" "ScreeningGrid" NOT NULL,
    "version" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_answer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "screening_answer_request_id_grid_recorded_at_idx" ON "screening_answer"("request_id", "grid", "recorded_at");

-- AddForeignKey
ALTER TABLE "screening_answer" ADD CONSTRAINT "screening_answer_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_answer" ADD CONSTRAINT "screening_answer_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
