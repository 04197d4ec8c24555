// The pages of a request, as links in notifications, redirects and lists: the coordinator's, the
// GP's, a team's referral page, and the supportive-care RCP's pages and sheets.
export const coordinationRequestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;
export const gpRequestPath = (requestId: string) => `/demandes/${encodeURIComponent(requestId)}`;
export const teamReferralPath = (referralId: string) => `/equipe/orientations/${encodeURIComponent(referralId)}`;
export const rcpSheetPath = (caseId: string) => `/rcp/fiches/${encodeURIComponent(caseId)}`;
export const rcpMeetingPath = (meetingId: string) => `/coordination/rcp/${encodeURIComponent(meetingId)}`;
