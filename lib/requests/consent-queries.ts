// The patient's sharing decisions on a request, for the coordinator's page (her scope only).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { ConsentMethod, ConsentPurpose } from "@/lib/generated/prisma/enums";

export type SharingConsentRow = {
  id: string;
  purpose: ConsentPurpose;
  structureId: string | null;
  structureName: string | null;
  granted: boolean;
  method: ConsentMethod;
  representativeName: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
};

export async function listSharingConsents({ actor, requestId, db = prisma }: { actor: Actor; requestId: string; db?: Db }): Promise<SharingConsentRow[]> {
  assertCan(actor, "requests.coordinate");
  const request = await db.request.findFirst({ where: { id: requestId, ...requestScope(actor) }, select: { id: true } });
  if (!request) throw new AppError("NOT_FOUND", "Demande introuvable.");
  const rows = await db.sharingConsent.findMany({
    where: { requestId: request.id },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      purpose: true,
      structureId: true,
      granted: true,
      method: true,
      representativeName: true,
      note: true,
      recordedAt: true,
      structure: { select: { name: true } },
      recordedBy: { select: { name: true } },
    },
  });
  return rows.map(({ structure, recordedBy, ...r }) => ({ ...r, structureName: structure?.name ?? null, recordedBy: recordedBy.name }));
}
