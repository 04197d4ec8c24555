-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REQUEST_SUBMITTED', 'REQUEST_CLAIMED', 'REFERRAL_PROPOSED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'FIRST_CONTACT', 'TEAM_FEEDBACK', 'REFERRAL_CANCELLED', 'REQUEST_CLOSED', 'REFERRAL_REMINDER', 'OVERDUE', 'OVERDUE_ESCALATED', 'CAPACITY_REMINDER', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('IMMEDIATE', 'DIGEST', 'APP_ONLY');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'KEPT');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('EMAIL', 'MSSANTE');

-- AlterTable
ALTER TABLE "territory" ADD COLUMN     "referral_answer_hours" INTEGER NOT NULL DEFAULT 48;

-- AlterTable
ALTER TABLE "territory_membership" ADD COLUMN     "is_lead" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "key" TEXT NOT NULL,
    "request_id" TEXT,
    "structure_id" TEXT,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),
    "digest_pending" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "channel" "OutboxChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "user_id" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "request_id" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "mode" "DeliveryMode" NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "scheduled_tick" (
    "job" TEXT NOT NULL,
    "tick" TIMESTAMP(3) NOT NULL,
    "ran_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scheduled_tick_pkey" PRIMARY KEY ("job","tick")
);

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notification_digest_pending_user_id_idx" ON "notification"("digest_pending", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_key_user_id_key" ON "notification"("key", "user_id");

-- CreateIndex
CREATE INDEX "outbox_message_status_next_attempt_at_idx" ON "outbox_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_message_created_at_idx" ON "outbox_message"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_key_recipient_channel_key" ON "outbox_message"("key", "recipient", "channel");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
