// The page a request's form sits on, from what it sent: a team's referral page (`referralId`) or
// the coordinator's request page (`requestId`) — where a signed-out user comes back after signing in.
export function referralOrRequestPage(raw: Record<string, unknown>): string {
  if (typeof raw.referralId === "string" && raw.referralId) return `/equipe/orientations/${encodeURIComponent(raw.referralId)}`;
  if (typeof raw.requestId === "string" && raw.requestId) return `/coordination/demandes/${encodeURIComponent(raw.requestId)}`;
  return "/";
}

// The supportive-care RCP: a case's synthesis sheet (a PDF, for the GP, the coordination and the
// teams the request is shared with) and a meeting's page (the coordination's).
export const rcpSheetPath = (caseId: string) => `/rcp/fiches/${encodeURIComponent(caseId)}`;
export const rcpMeetingPath = (meetingId: string) => `/coordination/rcp/${encodeURIComponent(meetingId)}`;
export const coordinationRequestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;
export const teamReferralPath = (referralId: string) => `/equipe/orientations/${encodeURIComponent(referralId)}`;
