// Whether the patient allows sharing their data with a structure: the latest decision that names
// that structure or names all of them decides (append-only decisions, lib/requests/record-sharing-consent.ts).
export type SharingDecision = { structureId: string | null; granted: boolean; recordedAt: Date };

export function sharingDecisionFor<D extends SharingDecision>(decisions: readonly D[], structureId: string): D | null {
  let latest: D | null = null;
  for (const d of decisions) {
    if (d.structureId !== null && d.structureId !== structureId) continue;
    // Ties (same instant): the one naming the structure is the more precise decision.
    if (!latest || d.recordedAt > latest.recordedAt || (+d.recordedAt === +latest.recordedAt && d.structureId !== null)) latest = d;
  }
  return latest;
}

export function sharingAllowed(decisions: readonly SharingDecision[], structureId: string): boolean {
  return sharingDecisionFor(decisions, structureId)?.granted === true;
}
