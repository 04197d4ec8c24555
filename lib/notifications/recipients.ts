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

export type RequestAudience = { number: number; urgency: "CRISIS" | "PLANNED"; territoryId: string | null; users: Recipient[]; addresses: string[] };

type AudienceRow = {
  number: number;
  urgency: "CRISIS" | "PLANNED";
  territoryId: string | null;
  shared: string | null;
  userId: string | null;
  userEmail: string | null;
};

/**
 * The request's number and one audience of it, in one query (a round trip less in the change's
 * transaction): its GP, the coordinators of its territory with the territory's address, or the
 * members of a structure with the structure's secure address.
 */
export async function requestAudience(
  tx: Tx,
  requestId: string,
  audience: { of: "gp" } | { of: "coordinators" } | { of: "team"; structureId: string },
  except: string | null,
): Promise<RequestAudience> {
  const rows =
    audience.of === "gp"
      ? await tx.$queryRaw<AudienceRow[]>`
          SELECT r.number, r.urgency::text AS urgency, r.territory_id AS "territoryId", NULL::text AS shared, u.id AS "userId", u.email AS "userEmail"
            FROM request r LEFT JOIN app_user u ON u.id = r.requester_id AND u.role = 'GP' AND u.active AND u.id IS DISTINCT FROM ${except}
           WHERE r.id = ${requestId}`
      : audience.of === "coordinators"
        ? await tx.$queryRaw<AudienceRow[]>`
          WITH hors_territoire AS (
            -- A request hors territoire: the territories of its département (their own, or one of their communes').
            SELECT t.id FROM request r0 JOIN commune c ON c.code = r0.commune_code JOIN territory t ON t.department_code = c.department_code
             WHERE r0.id = ${requestId} AND r0.territory_id IS NULL
            UNION
            SELECT tc.territory_id FROM request r0 JOIN commune c ON c.code = r0.commune_code
              JOIN commune c2 ON c2.department_code = c.department_code JOIN territory_commune tc ON tc.commune_code = c2.code
             WHERE r0.id = ${requestId} AND r0.territory_id IS NULL
          )
          SELECT r.number, r.urgency::text AS urgency, r.territory_id AS "territoryId", t.email AS shared, u.id AS "userId", u.email AS "userEmail"
            FROM request r
            LEFT JOIN territory t ON t.id = r.territory_id
            LEFT JOIN LATERAL (SELECT DISTINCT a.id, a.email FROM territory_membership m JOIN app_user a ON a.id = m.user_id
                                WHERE m.territory_id IN (SELECT r.territory_id UNION ALL SELECT o.id FROM hors_territoire o)
                                  AND a.role = 'COORDINATOR' AND a.active AND a.id IS DISTINCT FROM ${except}) u ON true
           WHERE r.id = ${requestId}`
        : await tx.$queryRaw<AudienceRow[]>`
          SELECT r.number, r.urgency::text AS urgency, r.territory_id AS "territoryId", s.secure_email AS shared, u.id AS "userId", u.email AS "userEmail"
            FROM request r
            JOIN structure s ON s.id = ${audience.structureId}
            LEFT JOIN LATERAL (SELECT a.id, a.email FROM structure_membership m JOIN app_user a ON a.id = m.user_id
                                WHERE m.structure_id = s.id AND a.role = 'TEAM_MEMBER' AND a.active AND a.id IS DISTINCT FROM ${except}) u ON true
           WHERE r.id = ${requestId}`;
  const first = rows[0];
  if (!first) throw new Error(`Demande ${requestId} introuvable pour ses notifications.`);
  return {
    number: first.number,
    urgency: first.urgency,
    territoryId: first.territoryId,
    users: rows.filter((r) => r.userId && r.userEmail).map((r) => ({ id: r.userId!, email: r.userEmail! })),
    addresses: first.shared ? [first.shared] : [],
  };
}
