-- Consent to the coordination itself is a decision of the record too (issue 13): who collected it,
-- when, how, and its withdrawal — beside the consents to sharing with each structure.
-- CreateEnum
CREATE TYPE "ConsentPurpose" AS ENUM ('COORDINATION', 'SHARING');

-- AlterTable
ALTER TABLE "sharing_consent" ADD COLUMN     "purpose" "ConsentPurpose" NOT NULL DEFAULT 'SHARING';
