-- AlterTable
ALTER TABLE "territory" ADD COLUMN     "withdraw_parallel_referrals" BOOLEAN NOT NULL DEFAULT false;
