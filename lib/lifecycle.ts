// Which request and referral statuses count as open / active: the vocabulary every domain reads
// (queues, routing, dashboards). The transitions themselves are in lib/requests/transitions.ts.
import type { ReferralStatus, RequestStatus } from "@/lib/generated/prisma/enums";

export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["SUBMITTED", "TRIAGE", "ORIENTED", "IN_CARE"];
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ["PROPOSED", "ACCEPTED", "IN_PROGRESS"];
