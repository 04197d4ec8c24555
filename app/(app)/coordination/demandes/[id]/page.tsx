import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { openCoordinationRequest } from "@/lib/requests/open-coordination-request";
import { requestNumberLabel } from "@/lib/labels";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { listRequestConsultations } from "@/lib/journal/request-consultations";
import { ACTIVE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { StatusBadge, UrgencyBadge } from "@/components/requests/status-badge";
import { Timeline } from "@/components/timeline/timeline";
import { PatientSituation } from "@/components/timeline/patient-situation";
import { PatientEventForm } from "@/components/requests/patient-event-form";
import { Conversation } from "@/components/messages/conversation";
import { getConversation } from "@/lib/messages/queries";
import { listSharingConsents } from "@/lib/requests/consent-queries";
import { listPatientDuplicates } from "@/lib/requests/patient-duplicates";
import { IdentityPanel } from "@/components/patients/identity-panel";
import { listCareCircle } from "@/lib/requests/care-circle-queries";
import { CareCircle } from "@/components/patients/care-circle";
import { SharingConsentPanel } from "@/components/consents/sharing-consent-panel";
import { listScreenings } from "@/lib/screening/queries";
import { ScreeningPanel } from "@/components/screening/screening-panel";
import { parisIsoDay } from "@/lib/time";
import { OutsideBadge, ReorientBadge } from "@/components/coordination/due-label";
import { AssignTerritoryForm } from "@/components/coordination/assign-territory-form";
import { listTerritoryOptions } from "@/lib/directory/queries";
import { territoryChoices } from "@/lib/territories/choices";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ReferralList } from "@/components/coordination/referral-list";
import { ParallelReferralsForm } from "@/components/coordination/parallel-referrals-form";
import { RequestActions } from "@/components/coordination/request-actions";
import { RequestDetails } from "@/components/coordination/request-details";
import { RoutingSuggestions, topSuggestionIds } from "@/components/routing/suggestions";
import { BackLink } from "@/components/ui/back-link";
import { ConsultationsPanel } from "@/components/journal/consultations-panel";
import { listInterventions } from "@/lib/requests/intervention-queries";
import { Interventions } from "@/components/activity/interventions";

export const metadata: Metadata = { title: "Demande" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

export default async function CoordinationRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ rattachee?: string; territoire?: string }>;
}) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const actor = await requirePermission("requests.coordinate", `/coordination/demandes/${encodeURIComponent(id)}`);
  const { request, suggestions } = await forPage(openCoordinationRequest({ actor, requestId: id }));
  const suggested = topSuggestionIds(suggestions);
  const [timeline, consultations, conversation, consents, duplicates, careCircle, screenings, interventions] = await Promise.all([
    getRequestTimeline({ actor, requestId: request.id }),
    listRequestConsultations({ actor, requestId: request.id }),
    getConversation({ actor, requestId: request.id }),
    listSharingConsents({ actor, requestId: request.id }),
    listPatientDuplicates({ actor, requestId: request.id }),
    listCareCircle({ actor, requestId: request.id }),
    listScreenings({ actor, requestId: request.id }),
    listInterventions({ actor, requestId: request.id }),
  ]);
  const structureChoices = request.structures.map((s) => ({ id: s.id, name: s.name, typeLabel: STRUCTURE_TYPE_LABELS[s.type] ?? s.type }));
  const now = new Date();
  const label = requestNumberLabel(request.number);
  // Hors territoire: nobody received it; a coordinator of its département gives it a territory.
  const outside = request.territory === null;
  const choices = outside ? territoryChoices(await listTerritoryOptions(), actor.territoryIds) : [];
  const mineHere = choices.filter((t) => t.mine && t.departmentCode === request.commune.departmentCode);
  const assigned = (await searchParams).territoire;
  const open = request.status !== "CLOSED" && request.status !== "CANCELLED";
  const deceased = timeline.some((e) => e.patientEvent === "DECEASED");
  // Parallel referrals: a team accepted while others still wait for an answer.
  const accepted = request.referrals.find((r) => r.status === "ACCEPTED" || r.status === "IN_PROGRESS");
  const waiting = request.referrals.filter((r) => r.status === "PROPOSED");

  return (
    <>
      <BackLink href="/coordination">File des demandes</BackLink>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Demande {label}</h1>
        <UrgencyBadge urgency={request.urgency} />
        <StatusBadge status={request.status} />
        {request.needsReorientation ? <ReorientBadge /> : null}
        {outside ? <OutsideBadge /> : null}
      </div>
      {assigned ? (
        <div className="mb-4">
          <Alert tone="success">Demande rattachée au territoire {assigned} : elle est dans votre file, prenez-la en charge pour la trier.</Alert>
        </div>
      ) : null}
      {request.needsReorientation ? (
        <p className="mb-4 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
          À réorienter : une équipe a refusé ou une orientation a été annulée, et aucune autre n&apos;est en cours.
        </p>
      ) : null}
      <div className="mb-4">
        <PatientSituation entries={timeline} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_auto_1fr] lg:items-start">
        <div className="lg:col-start-1 lg:row-start-1">
          <RequestDetails request={request} now={now} />
          <div className="mt-4">
            <ScreeningPanel
              requestId={request.id}
              screenings={screenings}
              request={{ needs: request.needs, urgency: request.urgency, open: open && !outside }}
            />
          </div>
          <div className="mt-4">
            <RoutingSuggestions suggestions={suggestions} requestId={request.id} version={request.version} />
          </div>
        </div>
        <section aria-labelledby="actions-titre" className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          <h2 id="actions-titre" className="mb-3 text-xl font-semibold">
            Actions
          </h2>
          {outside ? (
            <Card as="section" aria-labelledby="hors-territoire-titre" className="mb-4 flex flex-col gap-3">
              <h3 id="hors-territoire-titre" className="text-lg font-semibold">
                Hors territoire
              </h3>
              <p className="text-slate-700">
                Aucun territoire ne couvre {request.commune.name} : cette demande n&apos;est arrivée chez personne. Rattachez-la à votre territoire pour la
                prendre en charge, ou à celui qui devrait la recevoir (ses coordinateurs sont prévenus). Ses délais courent depuis son dépôt.
              </p>
              <AssignTerritoryForm
                requestId={request.id}
                version={request.version}
                numberLabel={label}
                territories={choices}
                defaultTerritoryId={mineHere.length === 1 ? mineHere[0]!.id : undefined}
              />
            </Card>
          ) : null}
          <RequestActions
            requestId={request.id}
            version={request.version}
            status={request.status}
            structures={request.structures.map((s, i) => ({
              ...structureChoices[i]!,
              phone: s.phone,
              hasActiveReferral: s.hasActiveReferral,
              suggested: suggested.has(s.id),
            }))}
            hasSuggestions={suggestions.needs.some((need) => need.candidates.length > 0)}
            unansweredReferrals={request.referrals.filter((r) => r.status === "PROPOSED").length}
            activeReferrals={request.referrals.filter((r) => ACTIVE_REFERRAL_STATUSES.includes(r.status)).length}
            outside={outside}
            defaultOutcome={deceased ? "DECEASED" : request.consentCoordination ? undefined : "DECLINED_BY_PATIENT"}
            qualification={{ urgency: request.urgency, placeOfCare: request.placeOfCare, needs: request.needs }}
          />
          <div className="mt-4">
            <IdentityPanel requestId={request.id} version={request.version} patient={request.patient} duplicates={duplicates} />
          </div>
          <div className="mt-4">
            <CareCircle requestId={request.id} contacts={careCircle} />
          </div>
          <div className="mt-4">
            <Interventions
              interventions={interventions}
              requestId={request.status === "CANCELLED" || outside ? undefined : request.id}
              today={parisIsoDay(now)}
            />
          </div>
          {!outside ? (
            <div className="mt-4">
              <SharingConsentPanel requestId={request.id} version={request.version} consents={consents} structures={structureChoices} />
            </div>
          ) : null}
          {open && !outside ? (
            <div className="mt-4">
              <PatientEventForm requestId={request.id} today={parisIsoDay(now)} />
            </div>
          ) : null}
          <div className="mt-6">
            <ConsultationsPanel consultations={consultations} />
          </div>
        </section>
        <section aria-labelledby="orientations-titre" className="lg:col-start-1 lg:row-start-2">
          <h2 id="orientations-titre" className="mb-3 text-xl font-semibold">
            Orientations
          </h2>
          {accepted && waiting.length > 0 && open ? (
            <ParallelReferralsForm
              requestId={request.id}
              version={request.version}
              accepted={accepted.structure.name}
              waiting={waiting.map((r) => ({ id: r.id, name: r.structure.name, sameType: r.structure.type === accepted.structure.type }))}
            />
          ) : null}
          <ReferralList requestId={request.id} referrals={request.referrals} />
        </section>
        <div className="flex flex-col gap-6 lg:col-start-1 lg:row-start-3">
          <Conversation requestId={request.id} conversation={conversation} />
          <section aria-labelledby="historique-titre">
            <h2 id="historique-titre" className="mb-3 text-xl font-semibold">
              Historique
            </h2>
            <Timeline entries={timeline} labelledBy="historique-titre" />
          </section>
        </div>
      </div>
    </>
  );
}
