// The page a request's form sits on, from what it sent: a team's referral page (`referralId`) or
// the coordinator's request page (`requestId`) — where a signed-out user comes back after signing in.
export function referralOrRequestPage(raw: Record<string, unknown>): string {
  if (typeof raw.referralId === "string" && raw.referralId) return `/equipe/orientations/${encodeURIComponent(raw.referralId)}`;
  if (typeof raw.requestId === "string" && raw.requestId) return `/coordination/demandes/${encodeURIComponent(raw.requestId)}`;
  return "/";
}
