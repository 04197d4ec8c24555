import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { careCirclePatient } from "@/lib/requests/care-circle-access";
import { ZAddCareContact, type TAddCareContact } from "@/lib/requests/schemas";

/**
 * Adds someone to the patient's care circle — the carer, the trusted person, the patient's own GP,
 * home nurse, pharmacist… with their phone — from a request: the coordination, or a team that
 * accepted a referral on it. The circle is the patient's: every request of the patient shows it.
 */
export async function addCareContact({ actor, input, db = prisma, now = new Date() }: { actor: Actor; input: TAddCareContact; db?: Db; now?: Date }) {
  const data = ZAddCareContact.parse(input);
  return db.$transaction(async (tx) => {
    const { requestId, patientId } = await careCirclePatient(tx, actor, data.requestId);
    if (!patientId) throw new AppError("INVALID_TRANSITION", "Identifiez d'abord le patient : son entourage suit son dossier.");
    const contact = await tx.careContact.create({
      data: { patientId, role: data.role, name: data.name, phone: data.phone ?? null, note: data.note?.trim() || null, addedById: actor.id, addedAt: now },
      select: { id: true },
    });
    await recordEvent(
      tx,
      actor.id,
      { type: "request.care_contact_added", subjectType: "request", subjectId: requestId, data: { contactId: contact.id, role: data.role } },
      now,
    );
    return { id: contact.id };
  });
}
