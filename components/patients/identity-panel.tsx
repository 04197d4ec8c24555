import type { CoordinationRequest } from "@/lib/requests/coordination-queries";
import type { DuplicateCandidate } from "@/lib/patients/find-duplicates";
import { INS_OIDS, normalizeInsMatricule } from "@/lib/patients/ins";
import { formatDate } from "@/lib/time";
import { TitledCard } from "@/components/ui/card";
import { IdentifyPatientForm, type IdentityValues } from "@/components/patients/identify-patient-form";
import { PatientDuplicates } from "@/components/patients/patient-duplicates";

/**
 * « Identité du patient » on the coordinator's request page: identify the patient of a request that
 * came without one (the family's public form), or correct the identity, and merge the duplicates.
 */
export function IdentityPanel({
  requestId,
  version,
  patient,
  duplicates,
}: {
  requestId: string;
  version: number;
  patient: CoordinationRequest["patient"];
  duplicates: DuplicateCandidate[];
}) {
  const initial: IdentityValues | null = patient
    ? {
        birthName: patient.birthName,
        firstNames: patient.firstNames,
        birthDate: formatDate(patient.birthDate),
        sex: patient.sex,
        birthPlace: patient.birthPlace ? { ...patient.birthPlace, territory: null } : null,
        bornAbroad: patient.bornAbroad,
        insMatricule: patient.ins ? normalizeInsMatricule(patient.ins) : "",
        insKind: patient.insOid === INS_OIDS.NIA ? "NIA" : patient.insOid ? "NIR" : "",
        identityStatus: patient.identityStatus,
      }
    : null;
  return (
    <TitledCard level={3} title="Identité du patient" id="identite-patient">
      {patient ? (
        <div className="flex flex-col gap-3">
          <PatientDuplicates requestId={requestId} version={version} duplicates={duplicates} />
          <details>
            <summary className="min-h-11 cursor-pointer py-2 font-semibold text-slate-900">Corriger l&apos;identité (traits, INS, statut)</summary>
            <IdentifyPatientForm requestId={requestId} version={version} initial={initial} />
          </details>
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-slate-700">
            Demande arrivée sans identité (formulaire public) : recueillez-la en rappelant le demandeur. Les dossiers proches sont proposés avant d&apos;en
            créer un.
          </p>
          <IdentifyPatientForm requestId={requestId} version={version} initial={null} />
        </div>
      )}
    </TitledCard>
  );
}
