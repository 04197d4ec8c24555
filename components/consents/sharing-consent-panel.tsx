import type { SharingConsentRow } from "@/lib/requests/consent-queries";
import { CONSENT_METHOD_LABELS } from "@/lib/labels";
import { formatDateTime } from "@/lib/time";
import { TitledCard } from "@/components/ui/card";
import { SharingConsentForm } from "@/components/consents/sharing-consent-form";

/**
 * « Consentements du patient »: the patient's decisions on the coordination of their care and on
 * sharing, latest first — who recorded each, when, how — and the form to record a new one. No
 * structure is oriented to without its consent, nor any while the coordination is withdrawn.
 */
export function SharingConsentPanel({
  requestId,
  version,
  consents,
  structures,
}: {
  requestId: string;
  version: number;
  consents: SharingConsentRow[];
  structures: { id: string; name: string; typeLabel: string }[];
}) {
  return (
    <TitledCard level={3} title="Consentements du patient" id="consentement-partage">
      <div className="flex flex-col gap-3">
        {consents.length === 0 ? (
          <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
            Aucun consentement au partage : recueillez-le auprès du patient (ou de son représentant) avant d&apos;orienter.
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Décisions du patient">
            {consents.map((c) => (
              <li key={c.id} className={`rounded-md border-l-4 p-2 text-sm ${c.granted ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
                <p className="font-semibold text-slate-900">
                  {c.purpose === "COORDINATION"
                    ? c.granted
                      ? "Consent à la coordination de son parcours"
                      : "Retire son consentement à la coordination de son parcours"
                    : `${c.granted ? "Consent" : "Refuse"} au partage avec ${c.structureName ?? "toutes les structures sollicitées"}`}
                </p>
                <p className="text-slate-800">
                  {CONSENT_METHOD_LABELS[c.method]}
                  {c.representativeName ? ` (${c.representativeName})` : ""} — enregistré par {c.recordedBy} le {formatDateTime(c.recordedAt)}
                </p>
                {c.note ? <p className="whitespace-pre-line text-slate-800">{c.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <SharingConsentForm requestId={requestId} version={version} structures={structures} />
      </div>
    </TitledCard>
  );
}
