import type { ReactNode } from "react";
import { dueSentence } from "@/lib/requests/promise-wording";
import type { TeamReferral } from "@/lib/referrals/team-queries";
import { formatDate, formatDateTime } from "@/lib/time";
import { DECLINE_REASON_LABELS, NEED_LABELS, PLACE_OF_CARE_LABELS, SEX_LABELS, URGENCY_LABELS } from "@/lib/labels";
import { Card } from "@/components/ui/card";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </>
  );
}

const dl = "grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,auto)_1fr]";

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

// The patient as the team needs them: who, how old, where; never the birth date nor the INS.
export function PatientCard({ referral }: { referral: TeamReferral }) {
  const { patient, request } = referral;
  return (
    <Card aria-labelledby="patient">
      <h2 id="patient" className="mb-3 text-xl font-semibold text-slate-900">
        Patient
      </h2>
      {patient ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <Row label="Nom de naissance">{patient.birthName}</Row>
          <Row label="Prénoms">{patient.firstNames}</Row>
          <Row label="Âge">{patient.age} ans</Row>
          <Row label="Sexe">{SEX_LABELS[patient.sex]}</Row>
          <Row label="Commune">
            {request.communeName}
            {request.postalCode ? ` (${request.postalCode})` : ""}
          </Row>
          <Row label="Lieu de prise en charge">{PLACE_OF_CARE_LABELS[request.placeOfCare]}</Row>
        </dl>
      ) : (
        <p className="text-slate-700">
          Identité non encore précisée par la coordination. Commune : {request.communeName}. Appelez la coordination pour les coordonnées.
        </p>
      )}
    </Card>
  );
}

export function RequestCard({ referral }: { referral: TeamReferral }) {
  const { request } = referral;
  return (
    <Card aria-labelledby="demande">
      <h2 id="demande" className="mb-3 text-xl font-semibold text-slate-900">
        Demande
      </h2>
      <dl className={dl}>
        <Row label="Urgence">{URGENCY_LABELS[request.urgency]}</Row>
        <Row label="Besoins">
          <ul className="list-inside list-disc">
            {referral.needs.map((n) => (
              <li key={n}>{NEED_LABELS[n]}</li>
            ))}
          </ul>
        </Row>
        <Row label="Adressée par">{request.referrer}</Row>
        <Row label="Déposée le">{formatDateTime(request.submittedAt)}</Row>
        {request.contactDueAt && (referral.status === "PROPOSED" || referral.status === "ACCEPTED") ? (
          <Row label="Échéance">{dueSentence("contact", request.contactDueAt, request.dueClock)}</Row>
        ) : null}
        {request.details ? (
          <Row label="Précisions du demandeur">
            <span className="whitespace-pre-line">{request.details}</span>
          </Row>
        ) : null}
        <Row label="Orientée par">
          {referral.proposedBy}, le {formatDateTime(referral.proposedAt)}
        </Row>
        {request.coordination ? (
          <Row label="Coordination">
            {request.coordination.name} :{" "}
            <a href={telHref(request.coordination.phone)} className="font-semibold text-brand-700 underline">
              {request.coordination.phone}
            </a>
          </Row>
        ) : null}
      </dl>
      {referral.coordinatorNote ? (
        <div className="mt-4 rounded-md border-l-4 border-brand-600 bg-brand-50 p-3">
          <p className="text-sm font-semibold text-brand-800">Message de la coordination</p>
          <p className="mt-1 break-words whitespace-pre-line text-slate-900">{referral.coordinatorNote}</p>
        </div>
      ) : null}
    </Card>
  );
}

// Where the referral stands, in one sentence the team can trust.
export function ReferralOutcome({ referral }: { referral: TeamReferral }) {
  switch (referral.status) {
    case "PROPOSED":
      return <p>Cette orientation attend la réponse de votre équipe.</p>;
    case "ACCEPTED":
      return (
        <p>Acceptée le {referral.respondedAt ? formatDateTime(referral.respondedAt) : "—"}. Enregistrez le premier contact dès que le patient est joint.</p>
      );
    case "IN_PROGRESS":
      return <p>Premier contact le {referral.firstContactAt ? formatDate(referral.firstContactAt) : "—"}. Intervention en cours.</p>;
    case "COMPLETED":
      return <p>Intervention terminée le {referral.completedAt ? formatDateTime(referral.completedAt) : "—"}. Votre retour a été transmis au médecin.</p>;
    case "DECLINED":
      return (
        <>
          <p>
            Refusée le {referral.respondedAt ? formatDateTime(referral.respondedAt) : "—"} :{" "}
            {referral.declineReason ? DECLINE_REASON_LABELS[referral.declineReason].toLowerCase() : "motif non précisé"}. La coordination en est informée.
          </p>
          {referral.declineDetails ? <p className="break-words whitespace-pre-line text-slate-700">Précisions : {referral.declineDetails}</p> : null}
        </>
      );
    case "CANCELLED":
      return <p>La coordination a annulé cette orientation : aucune action n&apos;est attendue de votre équipe.</p>;
  }
}
