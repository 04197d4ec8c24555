// Which request and referral statuses count as open / active: the vocabulary every domain reads
// (queues, routing, dashboards). The transitions themselves are in lib/requests/transitions.ts.
import type { ReferralStatus, RequestStatus } from "@/lib/generated/prisma/enums";

export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ["SUBMITTED", "TRIAGE", "ORIENTED", "IN_CARE"];
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ["PROPOSED", "ACCEPTED", "IN_PROGRESS"];
/** The referrals that put a team in a request's conversation (lib/messages/access.ts). */
export const CONVERSATION_REFERRAL_STATUSES: readonly ReferralStatus[] = ["PROPOSED", "ACCEPTED", "IN_PROGRESS", "COMPLETED"];
/** The referrals of a team in charge: it reads the patient's care circle (lib/requests/care-circle-access.ts). */
export const IN_CHARGE_REFERRAL_STATUSES: readonly ReferralStatus[] = ["ACCEPTED", "IN_PROGRESS", "COMPLETED"];
