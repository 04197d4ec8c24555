import { coordinationRequestPath, teamReferralPath } from "@/lib/paths";

// The page a request's form sits on, from what it sent: a team's referral page (`referralId`) or
// the coordinator's request page (`requestId`) — where a signed-out user comes back after signing in.
export function referralOrRequestPage(raw: Record<string, unknown>): string {
  if (typeof raw.referralId === "string" && raw.referralId) return teamReferralPath(raw.referralId);
  if (typeof raw.requestId === "string" && raw.requestId) return coordinationRequestPath(raw.requestId);
  return "/";
}
