// « Qui a consulté ce dossier » on a request's page: each person who opened it, how many times and
// when last — for the coordinators of its territory (their request scope) and the administrators.
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { can, ROLE_LABELS, isRole } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";

export type Consultation = { name: string; role: string; count: number; first: Date; last: Date };

export async function listRequestConsultations({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<Consultation[]> {
  const admin = can(actor, "audit.read");
  if (!admin && !can(actor, "requests.coordinate")) throw new AppError("FORBIDDEN", "Vous n'avez pas accès à cette fonction.");
  const visible = await db.request.findFirst({ where: admin ? { id: requestId } : { id: requestId, ...requestScope(actor) }, select: { id: true } });
  if (!visible) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const grouped = await db.event.groupBy({
    by: ["actorId"],
    where: { subjectType: "request", subjectId: requestId, type: "request.viewed" },
    _count: { _all: true },
    _min: { at: true },
    _max: { at: true },
  });
  const users = await db.user.findMany({
    where: { id: { in: grouped.map((g) => g.actorId).filter((v): v is string => v !== null) } },
    select: { id: true, name: true, role: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return grouped
    .map((g) => {
      const user = g.actorId ? byId.get(g.actorId) : undefined;
      return {
        name: user?.name ?? "Compte inconnu",
        role: user && isRole(user.role) ? ROLE_LABELS[user.role] : "",
        count: g._count._all,
        first: g._min.at!,
        last: g._max.at!,
      };
    })
    .sort((a, b) => b.last.getTime() - a.last.getTime());
}
