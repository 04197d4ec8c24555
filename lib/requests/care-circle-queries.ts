// The patient's care circle as a request's page shows it (careCirclePatient bounds who reads it).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import type { CareContactRole } from "@/lib/generated/prisma/enums";
import { careCirclePatient } from "@/lib/requests/care-circle-access";

export type CareContactRow = { id: string; role: CareContactRole; name: string; phone: string | null; note: string | null };

/** Null: the request's patient is not identified yet. */
export async function listCareCircle({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<CareContactRow[] | null> {
  const { patientId } = await careCirclePatient(db, actor, requestId);
  if (!patientId) return null;
  return db.careContact.findMany({
    where: { patientId, removedAt: null },
    orderBy: [{ addedAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, name: true, phone: true, note: true },
  });
}
