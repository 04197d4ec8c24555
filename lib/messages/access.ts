// Who may read and write a request's conversation — its GP, the coordinators whose scope holds it,
// the teams with a proposed, accepted, under-way or completed referral on it — and, for a team,
// which messages: those to everyone and those addressed to one of its structures. The ARS and the
// administrators never (no patient's words outside the care circle). Deny by default.
import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { referralScope, requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CONVERSATION_REFERRAL_STATUSES } from "@/lib/lifecycle";

export type ConversationAccess = {
  requestId: string;
  /** Null: reads every message (GP, coordination); else the team's structures in the conversation. */
  teamStructureIds: string[] | null;
};

export async function conversationAccess(db: Db | Tx, actor: Actor, requestId: string): Promise<ConversationAccess> {
  assertCan(actor, "requests.messages");
  if (actor.role === "TEAM_MEMBER") {
    const referrals = await db.referral.findMany({
      where: { requestId, ...referralScope(actor), status: { in: [...CONVERSATION_REFERRAL_STATUSES] } },
      select: { structureId: true },
    });
    if (referrals.length === 0) throw new AppError("NOT_FOUND", "Demande introuvable.");
    return { requestId, teamStructureIds: [...new Set(referrals.map((r) => r.structureId))] };
  }
  const request = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: { id: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  return { requestId, teamStructureIds: null };
}

/** The messages the access lets one read. */
export function visibleMessages(access: ConversationAccess): Prisma.RequestMessageWhereInput {
  return access.teamStructureIds === null
    ? { requestId: access.requestId }
    : { requestId: access.requestId, OR: [{ structureId: null }, { structureId: { in: access.teamStructureIds } }] };
}
