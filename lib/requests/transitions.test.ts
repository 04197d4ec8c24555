import { describe, expect, test } from "vitest";
import { ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { RequestStatus, ReferralStatus } from "@/lib/generated/prisma/enums";
import {
  checkReferralAction,
  checkRequestAction,
  deriveRequestStatus,
  REFERRAL_ACTIONS,
  REQUEST_ACTIONS,
  type ReferralAction,
  type RequestAction,
} from "@/lib/requests/transitions";

const REQUEST_STATUSES = Object.values(RequestStatus);
const REFERRAL_STATUSES = Object.values(ReferralStatus);

function outcome(fn: () => unknown): string {
  try {
    return String(fn());
  } catch (error) {
    return (error as AppError).code;
  }
}

// The expected lifecycle, written out independently of the table in transitions.ts.
const EXPECTED_REQUEST: Record<RequestAction, Partial<Record<RequestStatus, string>>> = {
  claim: { SUBMITTED: "TRIAGE" },
  addNote: { SUBMITTED: "SUBMITTED", TRIAGE: "TRIAGE", ORIENTED: "ORIENTED", IN_CARE: "IN_CARE" },
  requalify: { SUBMITTED: "SUBMITTED", TRIAGE: "TRIAGE", ORIENTED: "ORIENTED", IN_CARE: "IN_CARE" },
  orient: { TRIAGE: "derived", ORIENTED: "derived", IN_CARE: "derived" },
  cancel: { SUBMITTED: "CANCELLED", TRIAGE: "CANCELLED", ORIENTED: "CANCELLED", IN_CARE: "CANCELLED" },
  close: { TRIAGE: "CLOSED", ORIENTED: "CLOSED", IN_CARE: "CLOSED" },
  reopen: { CLOSED: "TRIAGE" },
};

const EXPECTED_REFERRAL: Record<ReferralAction, { role: "TEAM_MEMBER" | "COORDINATOR"; from: Partial<Record<ReferralStatus, string>> }> = {
  accept: { role: "TEAM_MEMBER", from: { PROPOSED: "ACCEPTED" } },
  decline: { role: "TEAM_MEMBER", from: { PROPOSED: "DECLINED" } },
  recordFirstContact: { role: "TEAM_MEMBER", from: { ACCEPTED: "IN_PROGRESS" } },
  addNote: { role: "TEAM_MEMBER", from: { ACCEPTED: "ACCEPTED", IN_PROGRESS: "IN_PROGRESS" } },
  complete: { role: "TEAM_MEMBER", from: { IN_PROGRESS: "COMPLETED" } },
  cancel: { role: "COORDINATOR", from: { PROPOSED: "CANCELLED", ACCEPTED: "CANCELLED", IN_PROGRESS: "CANCELLED" } },
};

describe("request transitions", () => {
  test("the table covers exactly the expected actions", () => {
    expect(Object.keys(REQUEST_ACTIONS).sort()).toEqual(Object.keys(EXPECTED_REQUEST).sort());
  });

  for (const [action, allowed] of Object.entries(EXPECTED_REQUEST) as [RequestAction, Partial<Record<RequestStatus, string>>][]) {
    for (const status of REQUEST_STATUSES) {
      const expected = allowed[status] ?? "INVALID_TRANSITION";
      test(`a coordinator's "${action}" from ${status} → ${expected}`, () => {
        expect(outcome(() => checkRequestAction(action, status, "COORDINATOR"))).toBe(expected);
      });
    }
    for (const role of ROLES.filter((r) => r !== "COORDINATOR")) {
      test(`${role} may not "${action}" a request, whatever its state`, () => {
        for (const status of REQUEST_STATUSES) expect(outcome(() => checkRequestAction(action, status, role))).toBe("FORBIDDEN");
      });
    }
  }

  test("a refused transition says why, in French", () => {
    expect(() => checkRequestAction("close", "SUBMITTED", "COORDINATOR")).toThrowError("Impossible de clôturer la demande : la demande est reçue.");
    expect(() => checkRequestAction("claim", "SUBMITTED", "GP")).toThrowError("Votre rôle ne permet pas de prendre en charge la demande.");
    expect(() => checkReferralAction("accept", "DECLINED", "TEAM_MEMBER")).toThrowError("Impossible d'accepter l'orientation : l'orientation est refusée.");
    expect(() => checkRequestAction("addNote", "CLOSED", "COORDINATOR")).toThrowError("Impossible d'ajouter une note : la demande est clôturée.");
  });
});

describe("referral transitions", () => {
  test("the table covers exactly the expected actions", () => {
    expect(Object.keys(REFERRAL_ACTIONS).sort()).toEqual(Object.keys(EXPECTED_REFERRAL).sort());
  });

  for (const [action, { role, from }] of Object.entries(EXPECTED_REFERRAL) as [ReferralAction, (typeof EXPECTED_REFERRAL)[ReferralAction]][]) {
    for (const status of REFERRAL_STATUSES) {
      const expected = from[status] ?? "INVALID_TRANSITION";
      test(`${role}'s "${action}" from ${status} → ${expected}`, () => {
        expect(outcome(() => checkReferralAction(action, status, role))).toBe(expected);
      });
    }
    for (const other of ROLES.filter((r) => r !== role)) {
      test(`${other} may not "${action}" a referral`, () => {
        for (const status of REFERRAL_STATUSES) expect(outcome(() => checkReferralAction(action, status, other))).toBe("FORBIDDEN");
      });
    }
  }
});

describe("a request's status follows its referrals", () => {
  test.each([
    ["ORIENTED", ["PROPOSED", "ACCEPTED"], "IN_CARE", false],
    ["ORIENTED", ["PROPOSED", "DECLINED"], "ORIENTED", false],
    ["ORIENTED", ["DECLINED"], "TRIAGE", true],
    ["ORIENTED", ["DECLINED", "CANCELLED"], "TRIAGE", true],
    ["IN_CARE", ["IN_PROGRESS", "DECLINED"], "IN_CARE", false],
    ["IN_CARE", ["COMPLETED"], "IN_CARE", false],
    ["IN_CARE", ["CANCELLED"], "TRIAGE", true],
    ["TRIAGE", [], "TRIAGE", false],
    ["TRIAGE", ["PROPOSED"], "ORIENTED", false],
    ["CLOSED", ["ACCEPTED"], "CLOSED", false],
    ["CANCELLED", ["PROPOSED"], "CANCELLED", false],
  ] as const)("%s with referrals %j → %s (re-orientation flagged: %s)", (current, referrals, status, flagged) => {
    expect(deriveRequestStatus(current, referrals)).toEqual({ status, needsReorientation: flagged });
  });
});
