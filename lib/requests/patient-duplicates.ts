// The possible duplicates of a request's identified patient, for the coordinator's page (the same
// search as before an identification, the patient itself left out).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { findPossibleDuplicates, type DuplicateCandidate } from "@/lib/patients/find-duplicates";

export async function listPatientDuplicates({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<DuplicateCandidate[]> {
  assertCan(actor, "requests.coordinate");
  const request = await db.request.findFirst({
    where: { id: requestId, ...requestScope(actor) },
    select: { patient: { select: { id: true, birthName: true, firstNames: true, birthDate: true, sex: true, ins: true } } },
  });
  if (!request?.patient) return [];
  return findPossibleDuplicates(db, actor, request.patient, { excludeId: request.patient.id });
}
