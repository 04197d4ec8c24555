import type { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { careCirclePatient } from "@/lib/requests/care-circle-access";
import { ZRemoveCareContact } from "@/lib/requests/schemas";

/** Takes someone out of the patient's care circle (kept, marked removed, as an event). */
export async function removeCareContact({
  actor,
  input,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  input: z.input<typeof ZRemoveCareContact>;
  db?: Db;
  now?: Date;
}) {
  const data = ZRemoveCareContact.parse(input);
  return db.$transaction(async (tx) => {
    const { requestId, patientId } = await careCirclePatient(tx, actor, data.requestId);
    const { count } = await tx.careContact.updateMany({
      where: { id: data.contactId, patientId: patientId ?? "", removedAt: null },
      data: { removedAt: now, removedById: actor.id },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Cette personne n'est plus dans l'entourage du patient.");
    await recordEvent(
      tx,
      actor.id,
      { type: "request.care_contact_removed", subjectType: "request", subjectId: requestId, data: { contactId: data.contactId } },
      now,
    );
    return { removed: true };
  });
}
