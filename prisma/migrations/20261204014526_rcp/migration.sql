-- The supportive-care RCP (issue 14): meetings of a territory, requests on their agenda with the
-- question, what was discussed and decided; decisions are tasks of a structure or the coordination.
-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'RCP_SYNTHESIS';

-- CreateTable
CREATE TABLE "rcp_meeting" (
    "id" TEXT NOT NULL,
    "territory_id" TEXT NOT NULL,
    "scheduled_at" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "video_url" TEXT,
    "invited_structure_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "invited_others" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rcp_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rcp_case" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "participants" TEXT,
    "summary" TEXT,
    "next_review_on" DATE,
    "discussed_at" TIMESTAMP(3),
    "discussed_by_id" TEXT,

    CONSTRAINT "rcp_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rcp_decision" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "responsible_structure_id" TEXT,
    "due_on" DATE NOT NULL,
    "done_at" TIMESTAMP(3),

    CONSTRAINT "rcp_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rcp_meeting_territory_id_scheduled_at_idx" ON "rcp_meeting"("territory_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "rcp_case_request_id_idx" ON "rcp_case"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "rcp_case_meeting_id_request_id_key" ON "rcp_case"("meeting_id", "request_id");

-- CreateIndex
CREATE INDEX "rcp_decision_responsible_structure_id_done_at_due_on_idx" ON "rcp_decision"("responsible_structure_id", "done_at", "due_on");

-- CreateIndex
CREATE INDEX "rcp_decision_case_id_idx" ON "rcp_decision"("case_id");

-- AddForeignKey
ALTER TABLE "rcp_meeting" ADD CONSTRAINT "rcp_meeting_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_meeting" ADD CONSTRAINT "rcp_meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_case" ADD CONSTRAINT "rcp_case_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "rcp_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_case" ADD CONSTRAINT "rcp_case_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_case" ADD CONSTRAINT "rcp_case_discussed_by_id_fkey" FOREIGN KEY ("discussed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_decision" ADD CONSTRAINT "rcp_decision_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "rcp_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rcp_decision" ADD CONSTRAINT "rcp_decision_responsible_structure_id_fkey" FOREIGN KEY ("responsible_structure_id") REFERENCES "structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;
