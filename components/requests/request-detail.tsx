import { patientDisplayName, type MyRequestDetail } from "@/lib/requests/gp-queries";
import {
  CANCEL_REASON_LABELS,
  CLOSURE_OUTCOME_LABELS,
  DECLINE_REASON_LABELS,
  NEED_LABELS,
  PLACE_OF_CARE_LABELS,
  REFERRAL_STATUS_LABELS,
  SEX_LABELS,
  URGENCY_LABELS,
  requestNumberLabel,
} from "@/lib/labels";
import { formatDate, formatDateTime } from "@/lib/time";
import { dueSentence } from "@/lib/requests/promise-wording";
import { Alert } from "@/components/ui/alert";
import { telHref } from "@/components/requests/territory-delays";
import { UnmetNeedNotice } from "@/components/requests/unmet-need-notice";
import { Card } from "@/components/ui/card";

/** Shown once, right after sending: the number, whom to call, and what was promised. */
export function FiledConfirmation({ request }: { request: MyRequestDetail }) {
  return (
    <Alert tone="success">
      <p className="text-lg font-semibold">Demande {requestNumberLabel(request.number)} envoyée.</p>
      {request.territory ? (
        <>
          <p className="mt-1">
            {request.territory.name} : guichet unique{" "}
            <a href={telHref(request.territory.publicPhone)} className="font-semibold underline">
              {request.territory.publicPhone}
            </a>
            .
          </p>
          <Promises request={request} />
        </>
      ) : null}
    </Alert>
  );
}

function Promises({ request }: { request: MyRequestDetail }) {
  if (!request.triageDueAt && !request.contactDueAt) return null;
  return (
    <ul className="mt-1 list-disc pl-5">
      {request.triageDueAt ? <li>{dueSentence("triage", request.triageDueAt, request.dueClock)}.</li> : null}
      {request.contactDueAt ? <li>{dueSentence("contact", request.contactDueAt, request.dueClock)}.</li> : null}
    </ul>
  );
}

/** The closure outcome and summary, first thing on the page once the request is closed. */
export function ClosureSummary({ request }: { request: MyRequestDetail }) {
  if (request.status === "CANCELLED") {
    return <Alert tone="info">Demande annulée{request.cancelReason ? ` : ${CANCEL_REASON_LABELS[request.cancelReason].toLowerCase()}` : ""}.</Alert>;
  }
  if (request.status !== "CLOSED") return null;
  return (
    <section aria-labelledby="synthese" className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
      <h2 id="synthese" className="text-lg font-semibold text-brand-800">
        Synthèse de clôture
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {request.closureOutcome ? CLOSURE_OUTCOME_LABELS[request.closureOutcome] : "Clôturée"}
        {request.closedAt ? ` · le ${formatDateTime(request.closedAt)}` : ""}
      </p>
      {request.closureSummary ? <p className="mt-2 break-words whitespace-pre-line text-slate-900">{request.closureSummary}</p> : null}
    </section>
  );
}

export function RequestFacts({ request }: { request: MyRequestDetail }) {
  return (
    <Card aria-labelledby="patient-demande">
      <h2 id="patient-demande" className="text-lg font-semibold">
        Patient et demande
      </h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Patient</dt>
        <dd>
          {request.patient ? (
            <>
              {patientDisplayName(request.patient)}, {SEX_LABELS[request.patient.sex].toLowerCase()}, né·e le {formatDate(request.patient.birthDate)}
            </>
          ) : (
            "Non identifié"
          )}
        </dd>
        <dt className="font-medium text-slate-700">Commune</dt>
        <dd>
          {request.commune.name} ({request.commune.postalCodes[0] ?? request.commune.code})
        </dd>
        <dt className="font-medium text-slate-700">Lieu de prise en charge</dt>
        <dd>{PLACE_OF_CARE_LABELS[request.placeOfCare]}</dd>
        <dt className="font-medium text-slate-700">Besoins</dt>
        <dd>{request.needs.map((n) => NEED_LABELS[n]).join(", ")}</dd>
        <dt className="font-medium text-slate-700">Urgence</dt>
        <dd>{URGENCY_LABELS[request.urgency]}</dd>
        <dt className="font-medium text-slate-700">Envoyée le</dt>
        <dd>{formatDateTime(request.submittedAt)}</dd>
        {request.details ? (
          <>
            <dt className="font-medium text-slate-700">Précisions</dt>
            <dd className="break-words whitespace-pre-line">{request.details}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** The territory that handles it (its number, what it promised), or the unmet-need wording. */
export function TerritoryContact({ request }: { request: MyRequestDetail }) {
  if (!request.territory) return <UnmetNeedNotice audience="gp" sent />;
  const open = request.status !== "CLOSED" && request.status !== "CANCELLED";
  return (
    <Card aria-labelledby="guichet">
      <h2 id="guichet" className="text-lg font-semibold">
        {request.territory.name}
      </h2>
      <p className="mt-1">
        Guichet unique :{" "}
        <a href={telHref(request.territory.publicPhone)} className="text-lg font-bold text-brand-700 underline">
          {request.territory.publicPhone}
        </a>
      </p>
      {open ? <Promises request={request} /> : null}
      {request.triagedAt ? <p className="mt-1 text-sm text-slate-700">Prise en charge par la coordination le {formatDateTime(request.triagedAt)}.</p> : null}
      {request.firstContactAt ? <p className="mt-1 text-sm text-slate-700">Premier contact le {formatDate(request.firstContactAt)}.</p> : null}
    </Card>
  );
}

/** The teams asked, with where each one stands. */
export function ReferralList({ referrals }: { referrals: MyRequestDetail["referrals"] }) {
  if (referrals.length === 0) return null;
  return (
    <Card aria-labelledby="equipes">
      <h2 id="equipes" className="text-lg font-semibold">
        Équipes sollicitées
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {referrals.map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">{r.structureName}</span>
            <span className="text-slate-700">
              {REFERRAL_STATUS_LABELS[r.status]}
              {r.declineReason ? ` (${DECLINE_REASON_LABELS[r.declineReason].toLowerCase()})` : ""}
              {r.respondedAt ? ` · le ${formatDate(r.respondedAt)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
