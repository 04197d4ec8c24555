import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { findPossibleDuplicates, type DuplicateCandidate } from "@/lib/patients/find-duplicates";
import { patientIdentityKey } from "@/lib/patients/identity";
import { INS_OIDS, normalizeInsMatricule } from "@/lib/patients/ins";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZIdentifyPatient, type TIdentifyPatient } from "@/lib/requests/schemas";
import { lockRequest } from "@/lib/requests/sync-request-status";

export type IdentifyOutcome =
  { outcome: "duplicates"; candidates: DuplicateCandidate[] } | { outcome: "identified"; patientId: string; mode: "created" | "linked" | "corrected" };

/**
 * The coordinator identifies the patient of a request — a family's public form or a phone call
 * comes without one — or corrects its identity: the five strict traits of the INS (birth name,
 * first names, birth date, sex, birth place), the INS with its OID and the identity status.
 *
 * Before a new patient is created, possible duplicates are proposed (findPossibleDuplicates): the
 * coordinator links the request to one of them, or confirms a new patient. A correction that would
 * make the patient identical to another one is refused: the two records are merged instead
 * (merge-patient.ts). Each identification is an event on the request.
 */
export async function identifyPatient({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: TIdentifyPatient;
  db?: Db;
  now?: Date;
}): Promise<IdentifyOutcome> {
  assertCan(actor, "requests.coordinate");
  const data = ZIdentifyPatient.parse(input);
  const ins = data.insMatricule?.trim() ? normalizeInsMatricule(data.insMatricule) : null;
  const traits = {
    birthName: data.birthName,
    firstNames: data.firstNames,
    birthDate: data.birthDate,
    sex: data.sex,
    birthPlaceCode: data.bornAbroad ? null : (data.birthPlaceCode ?? null),
    bornAbroad: data.bornAbroad,
    ins,
    insOid: ins && data.insKind ? INS_OIDS[data.insKind] : null,
    identityStatus: data.identityStatus,
  };
  const identityKey = patientIdentityKey(traits);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, data.requestId);
    await lockRequest(tx, request.id);
    if (traits.birthPlaceCode && !(await tx.commune.findUnique({ where: { code: traits.birthPlaceCode }, select: { code: true } })))
      throw new AppError("INVALID_INPUT", "Commune de naissance inconnue.", { birthPlaceCode: ["Choisissez la commune dans la liste."] });
    if (request.patientId) {
      await assertInsFree(tx, ins, request.patientId);
      const twin = await tx.patient.findFirst({ where: { identityKey, id: { not: request.patientId } }, select: { id: true } });
      if (twin)
        throw new AppError("INVALID_INPUT", "Un autre dossier a déjà cette identité.", {
          birthName: ["Un autre dossier patient a exactement cette identité : fusionnez les deux dossiers (« Doublons possibles »)."],
        });
      await updateRequestVersion(tx, { id: request.id, version: data.version }, {}, now);
      await tx.patient.update({ where: { id: request.patientId }, data: { ...traits, identityKey, updatedAt: now }, select: { id: true } });
      return identified(tx, actor, request.id, request.patientId, "corrected", now);
    }

    // The very same identity is that person's record (as when a GP files: never a twin), wherever
    // its other requests are — linked without showing anything of them.
    const same = await tx.patient.findUnique({ where: { identityKey }, select: { id: true, mergedIntoId: true } });
    if (same) return link(tx, actor, request.id, data.version, same.mergedIntoId ?? same.id, now);

    // A « create » after the proposals were seen needs no search again (a pg_trgm scan of her scope).
    const candidates = data.decision === "create" ? [] : await findPossibleDuplicates(tx, actor, { ...traits, ins });
    if (data.decision === "search" && candidates.length > 0) return { outcome: "duplicates", candidates };
    if (data.decision === "link") {
      if (!candidates.some((c) => c.id === data.linkPatientId))
        throw new AppError("INVALID_INPUT", "Patient introuvable.", { linkPatientId: ["Choisissez un des patients proposés."] });
      return link(tx, actor, request.id, data.version, data.linkPatientId!, now);
    }
    await assertInsFree(tx, ins, null);
    await updateRequestVersion(tx, { id: request.id, version: data.version }, {}, now);
    const patient = await tx.patient.create({
      data: { ...traits, identityKey, communeCode: null, placeOfCare: "HOME", createdAt: now, updatedAt: now },
      select: { id: true },
    });
    const { placeOfCare, communeCode } = await tx.request.update({
      where: { id: request.id },
      data: { patientId: patient.id },
      select: { placeOfCare: true, communeCode: true },
    });
    await tx.patient.update({ where: { id: patient.id }, data: { placeOfCare, communeCode }, select: { id: true } });
    return identified(tx, actor, request.id, patient.id, "created", now);
  });
}

// One INS, one person: an INS already on another record means the same person (merge them).
async function assertInsFree(tx: Tx, ins: string | null, patientId: string | null) {
  if (!ins) return;
  const holder = await tx.patient.findFirst({ where: { ins, mergedIntoId: null, ...(patientId ? { id: { not: patientId } } : {}) }, select: { id: true } });
  if (!holder) return;
  throw new AppError("INVALID_INPUT", "Cet INS est celui d'un autre dossier.", {
    insMatricule: [
      patientId
        ? "Cet INS est déjà celui d'un autre dossier patient : fusionnez les deux dossiers (« Doublons possibles »)."
        : "Cet INS est déjà celui d'un dossier patient : rattachez-y la demande.",
    ],
  });
}

async function link(tx: Tx, actor: Actor, requestId: string, version: number, patientId: string, now: Date): Promise<IdentifyOutcome> {
  await updateRequestVersion(tx, { id: requestId, version }, {}, now);
  await tx.request.update({ where: { id: requestId }, data: { patientId }, select: { id: true } });
  return identified(tx, actor, requestId, patientId, "linked", now);
}

async function identified(
  tx: Tx,
  actor: Actor,
  requestId: string,
  patientId: string,
  mode: "created" | "linked" | "corrected",
  now: Date,
): Promise<IdentifyOutcome> {
  await recordEvent(tx, actor.id, { type: "request.patient_identified", subjectType: "request", subjectId: requestId, data: { patientId, mode } }, now);
  return { outcome: "identified", patientId, mode };
}
