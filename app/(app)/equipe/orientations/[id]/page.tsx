import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { openTeamReferral } from "@/lib/referrals/open-team-referral";
import { parisIsoDay } from "@/lib/time";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { REQUEST_STATUS_LABELS, requestNumberLabel } from "@/lib/labels";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { UrgencyBadge } from "@/components/requests/status-badge";
import { Timeline } from "@/components/timeline/timeline";
import { PatientSituation } from "@/components/timeline/patient-situation";
import { PatientEventForm } from "@/components/requests/patient-event-form";
import { Conversation } from "@/components/messages/conversation";
import { getConversation } from "@/lib/messages/queries";
import { CONVERSATION_REFERRAL_STATUSES, IN_CHARGE_REFERRAL_STATUSES } from "@/lib/lifecycle";
import { listCareCircle } from "@/lib/requests/care-circle-queries";
import { CareCircle } from "@/components/patients/care-circle";
import { ReferralStatusBadge } from "@/components/referrals/referral-status-badge";
import { PatientCard, ReferralOutcome, RequestCard } from "@/components/referrals/referral-details";
import { ReferralActions } from "@/components/referrals/referral-actions";
import { BackLink } from "@/components/ui/back-link";
import { listScreenings } from "@/lib/screening/queries";
import { ScreeningPanel } from "@/components/screening/screening-panel";
import { listInterventions } from "@/lib/requests/intervention-queries";
import { Interventions } from "@/components/activity/interventions";

export const metadata: Metadata = { title: "Orientation" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

export default async function TeamReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = await params;
  const actor = await requirePermission("referrals.respond", `/equipe/orientations/${encodeURIComponent(raw.id)}`);
  const parsed = ZParams.safeParse(raw);
  if (!parsed.success) notFound();
  const now = new Date();
  const referral = await forPage(openTeamReferral({ actor, referralId: parsed.data.id, now }));
  // A team that declined (or whose referral was withdrawn) is no longer in the conversation.
  const inConversation = CONVERSATION_REFERRAL_STATUSES.includes(referral.status);
  // The patient's care circle: once the team took the patient in charge.
  const inCharge = IN_CHARGE_REFERRAL_STATUSES.includes(referral.status);
  const [timeline, conversation, careCircle, screenings, interventions] = await Promise.all([
    getRequestTimeline({ actor, requestId: referral.request.id }),
    inConversation ? getConversation({ actor, requestId: referral.request.id }) : null,
    inCharge ? listCareCircle({ actor, requestId: referral.request.id }) : undefined,
    listScreenings({ actor, requestId: referral.request.id }),
    inCharge ? listInterventions({ actor, requestId: referral.request.id }) : undefined,
  ]);
  const requestOpen = OPEN_REQUEST_STATUSES.includes(referral.request.status);

  return (
    <>
      <BackLink href="/equipe">Retour aux orientations</BackLink>
      <PageHeader title={`Orientation ${requestNumberLabel(referral.request.number)}`}>
        <span className="flex flex-wrap items-center gap-2">
          <ReferralStatusBadge status={referral.status} />
          <UrgencyBadge urgency={referral.request.urgency} />
          <span>pour {referral.structureName}</span>
        </span>
      </PageHeader>

      <div className="flex flex-col gap-6">
        {!requestOpen ? <Alert tone="info">La demande est {REQUEST_STATUS_LABELS[referral.request.status].toLowerCase()} par la coordination.</Alert> : null}
        <PatientSituation entries={timeline} />
        <div className="grid items-start gap-4 lg:grid-cols-2">
          <PatientCard referral={referral} />
          <RequestCard referral={referral} />
        </div>
        {screenings.length > 0 ? <ScreeningPanel requestId={referral.request.id} screenings={screenings} /> : null}
        <section aria-labelledby="suivi" className="flex flex-col gap-3">
          <h2 id="suivi" className="text-xl font-semibold text-slate-900">
            Suivi de l&apos;orientation
          </h2>
          <ReferralOutcome referral={referral} />
          <ReferralActions
            referralId={referral.id}
            version={referral.version}
            status={referral.status}
            requestOpen={requestOpen}
            today={parisIsoDay(now)}
            minContactDay={parisIsoDay(referral.proposedAt)}
          />
          {requestOpen && (referral.status === "ACCEPTED" || referral.status === "IN_PROGRESS") ? (
            <PatientEventForm referralId={referral.id} today={parisIsoDay(now)} />
          ) : null}
        </section>
        {interventions !== undefined ? (
          <Interventions
            interventions={interventions}
            referralId={referral.request.status === "CANCELLED" ? undefined : referral.id}
            today={parisIsoDay(now)}
          />
        ) : null}
        {careCircle !== undefined ? <CareCircle requestId={referral.request.id} referralId={referral.id} contacts={careCircle} /> : null}
        {conversation ? <Conversation requestId={referral.request.id} conversation={conversation} /> : null}
        <section aria-labelledby="historique">
          <h2 id="historique" className="mb-3 text-xl font-semibold text-slate-900">
            Historique
          </h2>
          <Timeline entries={timeline} labelledBy="historique" newestFirst />
        </section>
      </div>
    </>
  );
}
