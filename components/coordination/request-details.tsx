import type { ReactNode } from "react";
import type { CoordinationRequest } from "@/lib/requests/coordination-queries";
import { dueOf } from "@/lib/requests/coordination-queue";
import {
  CANCEL_REASON_LABELS,
  CHANNEL_LABELS,
  CLOSURE_OUTCOME_LABELS,
  IDENTITY_STATUS_LABELS,
  NEED_LABELS,
  PLACE_OF_CARE_LABELS,
  REQUESTER_KIND_LABELS,
  SEX_LABELS,
  URGENCY_LABELS,
} from "@/lib/labels";
import { formatDate, formatDateTime } from "@/lib/time";
import { INS_OIDS } from "@/lib/patients/ins";
import { telHref } from "@/components/requests/territory-delays";
import { DueLabel } from "@/components/coordination/due-label";
import { Card } from "@/components/ui/card";

function DetailsCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">{children}</dl>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="mb-1 break-words text-slate-900 sm:mb-0">{children}</dd>
    </>
  );
}

function Phone({ value }: { value: string }) {
  return (
    <a href={telHref(value)} className="text-brand-700 underline">
      {value}
    </a>
  );
}

function age(birthDate: Date, now: Date): number {
  let years = now.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birthDate.getUTCMonth() || (now.getUTCMonth() === birthDate.getUTCMonth() && now.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
}

// What the nurse needs to triage: who the patient is, what is asked, by whom, and by when.
export function RequestDetails({ request, now }: { request: CoordinationRequest; now: Date }) {
  const { patient } = request;
  const due = dueOf(request, now);
  return (
    <div className="flex flex-col gap-4">
      <DetailsCard title="Patient" id="carte-patient">
        {patient ? (
          <>
            <Row term="Nom de naissance">{patient.birthName}</Row>
            <Row term="Prénoms">{patient.firstNames}</Row>
            <Row term="Date de naissance">
              {formatDate(patient.birthDate)} ({age(patient.birthDate, now)} ans)
            </Row>
            <Row term="Sexe">{SEX_LABELS[patient.sex]}</Row>
            <Row term="Lieu de naissance">
              {patient.bornAbroad ? "À l'étranger" : patient.birthPlace ? `${patient.birthPlace.name} (${patient.birthPlace.departmentCode})` : "Non renseigné"}
            </Row>
            <Row term="Identité">{IDENTITY_STATUS_LABELS[patient.identityStatus]}</Row>
            {patient.ins ? (
              <Row term="INS">
                {/* Only a qualified identity makes the INS the patient's identifier (RNIV). */}
                {patient.identityStatus === "QUALIFIED" ? (
                  <>
                    {patient.ins} ({patient.insOid === INS_OIDS.NIA ? "NIA" : "NIR"})
                  </>
                ) : (
                  "Récupéré, identité non qualifiée : ne pas l'utiliser comme identifiant"
                )}
              </Row>
            ) : null}
            {patient.phone ? (
              <Row term="Téléphone">
                <Phone value={patient.phone} />
              </Row>
            ) : null}
          </>
        ) : (
          <Row term="Identité">Non renseignée (formulaire public) : à recueillir en rappelant le demandeur.</Row>
        )}
        <Row term="Commune">
          {request.commune.name} ({request.commune.postalCodes[0] ?? request.commune.code})
        </Row>
        <Row term="Lieu de prise en charge">{PLACE_OF_CARE_LABELS[request.placeOfCare]}</Row>
        <Row term="Consentement">{request.consentCoordination ? "Recueilli pour la coordination" : "Retiré par le patient (coordination suspendue)"}</Row>
      </DetailsCard>

      <DetailsCard title="Demande" id="carte-demande">
        <Row term="Besoins">
          <ul className="list-disc pl-5">
            {request.needs.map((n) => (
              <li key={n}>{NEED_LABELS[n]}</li>
            ))}
          </ul>
        </Row>
        <Row term="Urgence">{URGENCY_LABELS[request.urgency]}</Row>
        <Row term="Reçue le">
          {formatDateTime(request.submittedAt)} ({CHANNEL_LABELS[request.channel].toLowerCase()})
        </Row>
        <Row term="Précisions">
          {request.details ? <span className="whitespace-pre-line">{request.details}</span> : <span className="text-slate-700">Aucune</span>}
        </Row>
      </DetailsCard>

      <DetailsCard title="Demandeur" id="carte-demandeur">
        <Row term="Qualité">{REQUESTER_KIND_LABELS[request.requesterKind]}</Row>
        {request.requester ? (
          <>
            <Row term="Nom">{request.requester.name}</Row>
            {request.requester.phone ? (
              <Row term="Téléphone">
                <Phone value={request.requester.phone} />
              </Row>
            ) : null}
            <Row term="E-mail">
              <a href={`mailto:${request.requester.email}`} className="text-brand-700 underline">
                {request.requester.email}
              </a>
            </Row>
          </>
        ) : (
          <>
            {request.requesterName ? <Row term="Nom">{request.requesterName}</Row> : null}
            {request.requesterPhone ? (
              <Row term="Téléphone">
                <Phone value={request.requesterPhone} />
              </Row>
            ) : null}
            {request.requesterRelation ? <Row term="Lien avec le patient">{request.requesterRelation}</Row> : null}
          </>
        )}
      </DetailsCard>

      <DetailsCard title="Suivi" id="carte-suivi">
        <Row term="Territoire">
          {request.territory ? (
            <>
              {request.territory.name} · <Phone value={request.territory.publicPhone} />
            </>
          ) : (
            "Aucun (besoin non couvert)"
          )}
        </Row>
        <Row term="Suivie par">{request.owner?.name ?? "Personne pour l'instant"}</Row>
        {request.triagedAt ? <Row term="Prise en charge le">{formatDateTime(request.triagedAt)}</Row> : null}
        {request.firstContactAt ? <Row term="Premier contact le">{formatDate(request.firstContactAt)}</Row> : null}
        {due.kind === "triage" || due.kind === "contact" ? (
          <Row term="Échéance">
            <DueLabel due={due} />
          </Row>
        ) : null}
        {request.status === "CLOSED" ? (
          <>
            {request.closedAt ? <Row term="Clôturée le">{formatDateTime(request.closedAt)}</Row> : null}
            {request.closureOutcome ? <Row term="Issue">{CLOSURE_OUTCOME_LABELS[request.closureOutcome]}</Row> : null}
            {request.closureSummary ? (
              <Row term="Synthèse pour le médecin">
                <span className="whitespace-pre-line">{request.closureSummary}</span>
              </Row>
            ) : null}
          </>
        ) : null}
        {request.status === "CANCELLED" && request.cancelReason ? <Row term="Motif d'annulation">{CANCEL_REASON_LABELS[request.cancelReason]}</Row> : null}
      </DetailsCard>
    </div>
  );
}
