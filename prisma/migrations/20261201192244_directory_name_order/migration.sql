-- CreateIndex
CREATE INDEX "structure_name_id_idx" ON "structure"("name", "id");
