import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { findPossibleDuplicates } from "@/lib/patients/find-duplicates";
import { loadRequestForAction, updateRequestVersion } from "@/lib/requests/load-for-update";
import { ZMergePatient } from "@/lib/requests/schemas";
import { lockRequest } from "@/lib/requests/sync-request-status";
import type { z } from "zod";

/**
 * Two records of the same person (a GP typed « Dupont-Martin », the phone intake « Dupont »): the
 * coordinator merges the duplicate into the request's patient. The duplicate's requests join the
 * patient with their whole history — nothing is deleted —, the duplicate record stays, marked as
 * merged (a new filing with its exact identity lands on the patient), and each request moved is an
 * event. Only a duplicate proposed to her (findPossibleDuplicates: in her scope) may be merged.
 */
export async function mergePatient({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZMergePatient>;
  db?: Db;
  now?: Date;
}): Promise<{ patientId: string; movedRequestIds: string[] }> {
  assertCan(actor, "requests.coordinate");
  const { requestId, version, duplicateId } = ZMergePatient.parse(input);
  return db.$transaction(async (tx) => {
    const request = await loadRequestForAction(tx, actor, requestId);
    await lockRequest(tx, request.id);
    if (!request.patientId) throw new AppError("INVALID_TRANSITION", "Identifiez d'abord le patient de la demande.");
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: request.patientId },
      select: { id: true, birthName: true, firstNames: true, birthDate: true, sex: true, ins: true, insOid: true, birthPlaceCode: true, bornAbroad: true },
    });
    const candidates = await findPossibleDuplicates(tx, actor, patient, { excludeId: patient.id, limit: 50 });
    if (!candidates.some((c) => c.id === duplicateId))
      throw new AppError("INVALID_INPUT", "Doublon introuvable.", { duplicateId: ["Choisissez un des doublons proposés."] });
    await updateRequestVersion(tx, { id: request.id, version }, {}, now);
    const duplicate = await tx.patient.findUniqueOrThrow({
      where: { id: duplicateId },
      select: { ins: true, insOid: true, birthPlaceCode: true, bornAbroad: true, requests: { select: { id: true } } },
    });
    const moved = duplicate.requests.map((r) => r.id);
    await tx.request.updateMany({ where: { patientId: duplicateId }, data: { patientId: patient.id } });
    await tx.patient.update({ where: { id: duplicateId }, data: { mergedIntoId: patient.id, updatedAt: now }, select: { id: true } });
    // What the patient's record lacked and the duplicate knew (its INS, its birth place).
    const missing = {
      ...(!patient.ins && duplicate.ins ? { ins: duplicate.ins, insOid: duplicate.insOid } : {}),
      ...(!patient.birthPlaceCode && !patient.bornAbroad && (duplicate.birthPlaceCode || duplicate.bornAbroad)
        ? { birthPlaceCode: duplicate.birthPlaceCode, bornAbroad: duplicate.bornAbroad }
        : {}),
    };
    if (Object.keys(missing).length > 0) await tx.patient.update({ where: { id: patient.id }, data: missing, select: { id: true } });
    for (const id of [request.id, ...moved.filter((m) => m !== request.id)]) {
      await recordEvent(
        tx,
        actor.id,
        { type: "request.patient_merged", subjectType: "request", subjectId: id, data: { patientId: patient.id, mergedPatientId: duplicateId } },
        now,
      );
    }
    return { patientId: patient.id, movedRequestIds: moved };
  });
}
