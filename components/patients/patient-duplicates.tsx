"use client";

import { mergePatientAction } from "@/lib/requests/coordination-actions";
import type { DuplicateCandidate } from "@/lib/patients/find-duplicates";
import { describeCandidate } from "@/components/patients/describe-candidate";
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
  const { label, details } = describeCandidate(d);
  return (
    <form ref={formElement} onSubmit={onSubmit} className="flex flex-col gap-1 rounded-md bg-white p-2" aria-label={`Doublon : ${label}`}>
      <FormBanner state={state} />
      <RequestRef requestId={requestId} version={version} />
      <input type="hidden" name="duplicateId" value={d.id} />
      <p className="font-medium text-slate-900">{label}</p>
      <p className="text-sm text-slate-700">{details}</p>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? "Fusion…" : "Fusionner dans ce dossier"}
      </Button>
    </form>
  );
}
