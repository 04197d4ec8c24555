-- CreateEnum
CREATE TYPE "DueClock" AS ENUM ('OPENING_HOURS', 'CALENDAR', 'ON_CALL');

-- AlterTable
ALTER TABLE "request" ADD COLUMN     "due_clock" "DueClock" NOT NULL DEFAULT 'OPENING_HOURS';

-- AlterTable
ALTER TABLE "territory" ADD COLUMN     "crisis_clock" "DueClock" NOT NULL DEFAULT 'CALENDAR',
ADD COLUMN     "on_call_hours" JSONB;
