// A territory's editable columns from the editor's parsed form (create and update share them).
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTerritoryData } from "@/lib/territories/schemas";

export function territoryColumns(data: TTerritoryData) {
  const sl = data.serviceLevels;
  return {
    name: data.name,
    departmentCode: data.departmentCode,
    publicPhone: data.publicPhone,
    email: data.email,
    openingHours: data.openingHours,
    triageHoursCrisis: sl.triageHoursCrisis,
    triageHoursPlanned: sl.triageHoursPlanned,
    firstContactHoursCrisis: sl.firstContactHoursCrisis,
    firstContactHoursPlanned: sl.firstContactHoursPlanned,
    crisisClock: sl.crisisClock,
    onCallHours: sl.onCallHours ?? Prisma.DbNull,
    referralAnswerHours: data.referralAnswerHours,
    withdrawParallelReferrals: data.withdrawParallelReferrals,
  };
}

/** The columns a change touched, named as the event says them. */
export const TERRITORY_FIELDS = [
  "name",
  "departmentCode",
  "publicPhone",
  "email",
  "openingHours",
  "triageHoursCrisis",
  "triageHoursPlanned",
  "firstContactHoursCrisis",
  "firstContactHoursPlanned",
  "crisisClock",
  "onCallHours",
  "referralAnswerHours",
  "withdrawParallelReferrals",
] as const;
