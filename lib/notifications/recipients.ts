import type { Tx } from "@/lib/db";
import type { Recipient } from "@/lib/notifications/enqueue";

// Who is told, as accounts: active ones only, and never the person who made the change.
const select = { id: true, email: true } as const;
const but = (except: string | null | undefined) => (except ? { id: { not: except } } : {});

export function territoryCoordinators(tx: Tx, territoryId: string, except?: string | null): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role: "COORDINATOR", active: true, territories: { some: { territoryId } }, ...but(except) }, select });
}

/** The second level of an escalation: the territory's lead coordinators and the administrators. */
export function territoryLeadsAndAdmins(tx: Tx, territoryId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { active: true, OR: [{ role: "ADMIN" }, { role: "COORDINATOR", territories: { some: { territoryId, isLead: true } } }] },
    select,
  });
}

export function structureMembers(tx: Tx, structureId: string, except?: string | null): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role: "TEAM_MEMBER", active: true, structures: { some: { structureId } }, ...but(except) }, select });
}

/** The GP who filed the request (none for a phone or public request). */
export async function requester(tx: Tx, requestId: string, except?: string | null): Promise<Recipient[]> {
  const row = await tx.request.findUnique({ where: { id: requestId }, select: { requester: { select: { id: true, email: true, active: true, role: true } } } });
  const user = row?.requester;
  return user && user.active && user.role === "GP" && user.id !== except ? [{ id: user.id, email: user.email }] : [];
}
