-- AlterTable
ALTER TABLE "commune" ADD COLUMN     "epci_code" TEXT;

-- CreateTable
CREATE TABLE "epci" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "epci_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "commune_epci_code_idx" ON "commune"("epci_code");

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_epci_code_fkey" FOREIGN KEY ("epci_code") REFERENCES "epci"("code") ON DELETE SET NULL ON UPDATE CASCADE;
