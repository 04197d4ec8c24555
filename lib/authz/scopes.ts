import type { Actor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

// Row scopes: the `where` fragments that bound what an actor may see. Built here once, used inside
// every query on scoped tables. Deny by default: a role not handled sees nothing.
const NOTHING = { id: { in: [] as string[] } };

// Territories an actor may see the details of (not patient data: see each domain's own scopes).
export function territoryScope(actor: Actor): { id?: { in: string[] } } {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "COORDINATOR":
    case "ARS":
      return { id: { in: actor.territoryIds } };
    case "GP":
    case "TEAM_MEMBER":
      return NOTHING;
    default:
      return NOTHING;
  }
}

// Structures whose own settings (contacts, capacity) an actor may edit.
export function editableStructureScope(actor: Actor): { id?: { in: string[] }; territoryId?: { in: string[] } } {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "COORDINATOR":
      return { territoryId: { in: actor.territoryIds } };
    case "TEAM_MEMBER":
      return { id: { in: actor.structureIds } };
    default:
      return NOTHING;
  }
}

// Requests (patient-bearing): a GP sees the requests they filed; a coordinator those of their
// territories, and those « hors territoire » (from a commune no territory covers) of their
// territories' départements — somebody must own them; a team member those with a referral to one
// of their structures, unless the patient withdrew sharing with it. ARS and ADMIN see none here (no
// patient identity outside the care circle); their views are aggregates (the administrator's list of requests hors territoire shows none).
export function requestScope(actor: Actor): Prisma.RequestWhereInput {
  switch (actor.role) {
    case "GP":
      return { requesterId: actor.id };
    case "COORDINATOR":
      return {
        OR: [{ territoryId: { in: actor.territoryIds } }, { territoryId: null, commune: { departmentCode: { in: actor.departmentCodes } } }],
      };
    case "TEAM_MEMBER":
      return { referrals: { some: { structureId: { in: actor.structureIds }, sharingWithdrawn: false } } };
    default:
      return NOTHING;
  }
}

// Referrals a team member may see and answer: those addressed to their structures (not those whose
// sharing the patient withdrew: lib/requests/record-sharing-consent.ts).
export function referralScope(actor: Actor): Prisma.ReferralWhereInput {
  switch (actor.role) {
    case "TEAM_MEMBER":
      return { structureId: { in: actor.structureIds }, sharingWithdrawn: false };
    case "COORDINATOR":
      return { request: { territoryId: { in: actor.territoryIds } } };
    default:
      return NOTHING;
  }
}
