// The coordinator opens a request: what her page shows, with what opening it records — the access
// to the patient's data (an event with its actor) and the needs nobody can serve (once).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { getCoordinationRequest } from "@/lib/requests/coordination-queries";
import { flagUnmetNeeds } from "@/lib/requests/flag-unmet-needs";
import { recordRequestView } from "@/lib/requests/record-view";

export async function openCoordinationRequest({ actor, requestId, db = prisma, now = new Date() }: { actor: Actor; requestId: string; db?: Db; now?: Date }) {
  const request = await getCoordinationRequest({ actor, requestId, db });
  await recordRequestView({ actor, requestId: request.id, patientId: request.patientId, db, now });
  // Before the timeline is read: it then tells the needs found unmet.
  const suggestions = await flagUnmetNeeds({ actor, requestId: request.id, db, now });
  return { request, suggestions };
}
