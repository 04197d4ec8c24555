import type { OpeningHours } from "@/lib/territories/opening-hours";

/**
 * A territory's service levels: hours to triage and to first contact per urgency (planned ones in
 * its opening hours), and the clock its crisis delays run on — every hour (CALENDAR) or its
 * on-call hours (ON_CALL). What the request's due dates are computed from (lib/requests/due-dates.ts).
 */
export type ServiceLevels = {
  triageHoursCrisis: number;
  triageHoursPlanned: number;
  firstContactHoursCrisis: number;
  firstContactHoursPlanned: number;
  crisisClock: "CALENDAR" | "ON_CALL";
  onCallHours: OpeningHours | null;
};
