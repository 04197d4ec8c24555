// The request and referral lifecycles (product.md, "Lifecycles"), as data: for each action, the
// states it may start from, the roles that may perform it, and where it leads. Pure: the use cases
// call these checks on the server, inside the transaction, before writing.
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/authz/permissions";
import type { ReferralStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";

type Rule<S extends string> = { from: readonly S[]; roles: readonly Role[]; to: S | "derived" | "same"; label: string };

export const REQUEST_ACTIONS = {
  claim: { from: ["SUBMITTED"], roles: ["COORDINATOR"], to: "TRIAGE", label: "prendre en charge la demande" },
  addNote: { from: OPEN_REQUEST_STATUSES, roles: ["COORDINATOR"], to: "same", label: "ajouter une note" },
  requalify: { from: OPEN_REQUEST_STATUSES, roles: ["COORDINATOR"], to: "same", label: "requalifier la demande" },
  // Orienting a request already in care (a second team) keeps it in care: the status is derived.
  orient: { from: ["TRIAGE", "ORIENTED", "IN_CARE"], roles: ["COORDINATOR"], to: "derived", label: "orienter la demande" },
  cancel: { from: OPEN_REQUEST_STATUSES, roles: ["COORDINATOR"], to: "CANCELLED", label: "annuler la demande" },
  close: { from: ["TRIAGE", "ORIENTED", "IN_CARE"], roles: ["COORDINATOR"], to: "CLOSED", label: "clôturer la demande" },
  reopen: { from: ["CLOSED"], roles: ["COORDINATOR"], to: "TRIAGE", label: "rouvrir la demande" },
} as const satisfies Record<string, Rule<RequestStatus>>;

export const REFERRAL_ACTIONS = {
  accept: { from: ["PROPOSED"], roles: ["TEAM_MEMBER"], to: "ACCEPTED", label: "accepter l'orientation" },
  decline: { from: ["PROPOSED"], roles: ["TEAM_MEMBER"], to: "DECLINED", label: "refuser l'orientation" },
  recordFirstContact: { from: ["ACCEPTED"], roles: ["TEAM_MEMBER"], to: "IN_PROGRESS", label: "enregistrer le premier contact" },
  addNote: { from: ["ACCEPTED", "IN_PROGRESS"], roles: ["TEAM_MEMBER"], to: "same", label: "ajouter une note" },
  complete: { from: ["IN_PROGRESS"], roles: ["TEAM_MEMBER"], to: "COMPLETED", label: "terminer l'intervention" },
  cancel: { from: ["PROPOSED", "ACCEPTED", "IN_PROGRESS"], roles: ["COORDINATOR"], to: "CANCELLED", label: "annuler l'orientation" },
} as const satisfies Record<string, Rule<ReferralStatus>>;

export type RequestAction = keyof typeof REQUEST_ACTIONS;
export type ReferralAction = keyof typeof REFERRAL_ACTIONS;

const STATUS_WORDS: Record<RequestStatus | ReferralStatus, string> = {
  SUBMITTED: "reçue",
  TRIAGE: "en cours d'analyse",
  ORIENTED: "orientée",
  IN_CARE: "prise en charge",
  CLOSED: "clôturée",
  CANCELLED: "annulée",
  PROPOSED: "proposée",
  ACCEPTED: "acceptée",
  DECLINED: "refusée",
  IN_PROGRESS: "en cours",
  COMPLETED: "terminée",
};

// "de accepter" → "d'accepter": French elision before a vowel.
function de(verb: string): string {
  return /^[aeéèêiîoôuh]/i.test(verb) ? `d'${verb}` : `de ${verb}`;
}

function check<S extends RequestStatus | ReferralStatus>(rule: Rule<S>, status: S, role: Role, noun: string): void {
  if (!rule.roles.includes(role)) throw new AppError("FORBIDDEN", `Votre rôle ne permet pas ${de(rule.label)}.`);
  if (!rule.from.includes(status)) {
    throw new AppError("INVALID_TRANSITION", `Impossible ${de(rule.label)} : ${noun} est ${STATUS_WORDS[status]}.`);
  }
}

// Throws FORBIDDEN (role) or INVALID_TRANSITION (state) with a French message; returns the target.
export function checkRequestAction(action: RequestAction, status: RequestStatus, role: Role): RequestStatus | "derived" {
  const rule: Rule<RequestStatus> = REQUEST_ACTIONS[action];
  check(rule, status, role, "la demande");
  return rule.to === "same" ? status : rule.to;
}

export function checkReferralAction(action: ReferralAction, status: ReferralStatus, role: Role): ReferralStatus {
  const rule: Rule<ReferralStatus> = REFERRAL_ACTIONS[action];
  check(rule, status, role, "l'orientation");
  return rule.to === "same" || rule.to === "derived" ? status : rule.to;
}

// An open request's status follows its referrals: one accepted (or under way, or done) → in care;
// else one still proposed → oriented; else back to the coordinator (triage), flagged for a new
// orientation when a team declined or an orientation was cancelled. Closed and cancelled stay.
export function deriveRequestStatus(
  current: RequestStatus,
  referralStatuses: readonly ReferralStatus[],
): { status: RequestStatus; needsReorientation: boolean } {
  if (current === "CLOSED" || current === "CANCELLED" || current === "SUBMITTED") return { status: current, needsReorientation: false };
  if (referralStatuses.some((s) => s === "ACCEPTED" || s === "IN_PROGRESS" || s === "COMPLETED")) return { status: "IN_CARE", needsReorientation: false };
  if (referralStatuses.includes("PROPOSED")) return { status: "ORIENTED", needsReorientation: false };
  return { status: "TRIAGE", needsReorientation: referralStatuses.some((s) => s === "DECLINED" || s === "CANCELLED") };
}
