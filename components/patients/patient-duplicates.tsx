"use client";

import { mergePatientAction } from "@/lib/requests/coordination-actions";
import type { DuplicateCandidate } from "@/lib/patients/find-duplicates";
import { IDENTITY_STATUS_LABELS, SEX_LABELS } from "@/lib/labels";
import { formatDate } from "@/lib/time";
import { FormBanner, RequestRef, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";

/** « Doublons possibles » of the identified patient: each may be merged into this record. */
export function PatientDuplicates({ requestId, version, duplicates }: { requestId: string; version: number; duplicates: DuplicateCandidate[] }) {
  if (duplicates.length === 0) return null;
  return (
    <section aria-labelledby="doublons-titre" className="flex flex-col gap-2 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3">
      <h4 id="doublons-titre" className="font-semibold text-amber-950">
        Doublons possibles
      </h4>
      <p className="text-sm text-amber-950">
        Des dossiers proches de cette identité : s&apos;il s&apos;agit de la même personne, fusionnez-les dans celui-ci (leurs demandes et leur historique le
        rejoignent).
      </p>
      <ul className="flex flex-col gap-2">
        {duplicates.map((d) => (
          <li key={d.id}>
            <MergeForm requestId={requestId} version={version} duplicate={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function MergeForm({ requestId, version, duplicate: d }: { requestId: string; version: number; duplicate: DuplicateCandidate }) {
  const { formElement, onSubmit, pending, state } = useActionForm(mergePatientAction);
  const label = `${d.birthName.toUpperCase()} ${d.firstNames}, né(e) le ${formatDate(new Date(d.birthDate))}`;
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-1 rounded-md bg-white p-2" aria-label={`Doublon : ${label}`}>
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <input type="hidden" name="duplicateId" value={d.id} />
      <p className="font-medium text-slate-900">{label}</p>
      <p className="text-sm text-slate-700">
        {[
          SEX_LABELS[d.sex],
          d.birthPlace ? `à ${d.birthPlace}` : null,
          d.sameIns ? "même INS" : null,
          `${d.requestCount} demande${d.requestCount > 1 ? "s" : ""}`,
        ]
          .filter(Boolean)
          .join(" · ")}{" "}
        — identité {IDENTITY_STATUS_LABELS[d.identityStatus].split(" ")[0]!.toLowerCase()}
      </p>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? "Fusion…" : "Fusionner dans ce dossier"}
      </Button>
    </form>
  );
}
