import type { Consultation } from "@/lib/journal/request-consultations";
import { formatDateTime } from "@/lib/time";
import { TitledCard } from "@/components/ui/card";

// « Qui a consulté ce dossier »: each person who opened the patient's record, from the audit trail.
export function ConsultationsPanel({ consultations }: { consultations: Consultation[] }) {
  return (
    <TitledCard title="Qui a consulté ce dossier" id="consultations">
      {consultations.length === 0 ? (
        <p className="text-slate-700">Personne n&apos;a encore ouvert ce dossier.</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {consultations.map((c) => (
            <li key={`${c.name}-${c.first.getTime()}`}>
              <span className="font-medium text-slate-900">{c.name}</span>
              {c.role ? <span className="text-slate-700"> · {c.role}</span> : null}
              <br />
              <span className="text-slate-700">
                {c.count === 1 ? `le ${formatDateTime(c.last)}` : `${c.count} fois, la dernière le ${formatDateTime(c.last)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </TitledCard>
  );
}
