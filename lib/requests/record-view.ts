import { prisma } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";

// Every opening of a request page (and so of the patient's data) is an event with its actor.
export async function recordRequestView({ actor, requestId, patientId }: { actor: Actor; requestId: string; patientId: string | null }): Promise<void> {
  await prisma.$transaction((tx) => recordEvent(tx, actor.id, { type: "request.viewed", subjectType: "request", subjectId: requestId, data: { patientId } }));
}
