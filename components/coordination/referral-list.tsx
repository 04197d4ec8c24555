import type { CoordinationRequest } from "@/lib/requests/coordination-queries";
import { DECLINE_REASON_LABELS } from "@/lib/labels";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { formatDate, formatDateTime } from "@/lib/time";
import { ReferralStatusBadge } from "@/components/referrals/referral-status-badge";
import { telHref } from "@/components/requests/territory-delays";
import { CancelReferralForm } from "@/components/coordination/request-actions";
import { Card } from "@/components/ui/card";

// The orientations of the request and what each team answered.
export function ReferralList({ requestId, referrals }: { requestId: string; referrals: CoordinationRequest["referrals"] }) {
  if (referrals.length === 0) return <p className="text-slate-700">Aucune orientation pour l&apos;instant.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {referrals.map((r) => {
        const titleId = `orientation-${r.id}`;
        return (
          <li key={r.id}>
            <Card as="article" aria-labelledby={titleId}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={titleId} className="font-semibold">
                  {r.structure.name}
                </h3>
                <ReferralStatusBadge status={r.status} />
              </div>
              <p className="text-sm text-slate-700">
                {STRUCTURE_TYPE_LABELS[r.structure.type] ?? r.structure.type}
                {r.structure.phone ? (
                  <>
                    {" · "}
                    <a href={telHref(r.structure.phone)} className="text-brand-700 underline">
                      {r.structure.phone}
                    </a>
                  </>
                ) : null}
              </p>
              <ul className="mt-2 text-sm text-slate-900">
                <li>
                  Proposée le {formatDateTime(r.proposedAt)}
                  {r.suggestionRank !== null ? ` — suggestion n° ${r.suggestionRank}` : " — hors suggestions"}
                </li>
                {r.overrideReason ? <li>Motif du choix hors suggestions : {r.overrideReason}</li> : null}
                {r.sharingWithdrawn ? (
                  <li className="font-medium text-red-900">Partage refusé par le patient : l&apos;équipe n&apos;a plus accès à la demande.</li>
                ) : null}
                {r.respondedAt ? <li>Réponse le {formatDateTime(r.respondedAt)}</li> : null}
                {r.status === "DECLINED" && r.declineReason ? (
                  <li className="font-medium text-red-900">
                    Motif du refus : {DECLINE_REASON_LABELS[r.declineReason]}
                    {r.declineDetails ? ` — ${r.declineDetails}` : ""}
                  </li>
                ) : null}
                {r.firstContactAt ? <li>Premier contact le {formatDate(r.firstContactAt)}</li> : null}
                {r.completedAt ? <li>Intervention terminée le {formatDateTime(r.completedAt)}</li> : null}
              </ul>
              {ACTIVE_REFERRAL_STATUSES.includes(r.status) ? (
                <CancelReferralForm requestId={requestId} referralId={r.id} version={r.version} structureName={r.structure.name} />
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
