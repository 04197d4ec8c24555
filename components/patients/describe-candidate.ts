// One proposed duplicate in words, as the identification form and the merge panel show it:
// « DURAND Jeanne, né(e) le 12/05/1946 » and « Femme · à Bar-le-Duc · même INS · 2 demandes · identité provisoire ».
import type { DuplicateCandidate } from "@/lib/patients/find-duplicates";
import { IDENTITY_STATUS_LABELS, SEX_LABELS } from "@/lib/labels";
import { formatDate } from "@/lib/time";

export function describeCandidate(d: DuplicateCandidate): { label: string; details: string } {
  return {
    label: `${d.birthName.toUpperCase()} ${d.firstNames}, né(e) le ${formatDate(new Date(d.birthDate))}`,
    details: [
      SEX_LABELS[d.sex],
      d.birthPlace ? `à ${d.birthPlace}` : null,
      d.sameIns ? "même INS" : null,
      `${d.requestCount} demande${d.requestCount > 1 ? "s" : ""}`,
      `identité ${IDENTITY_STATUS_LABELS[d.identityStatus].split(" ")[0]!.toLowerCase()}`,
    ]
      .filter(Boolean)
      .join(" · "),
  };
}
