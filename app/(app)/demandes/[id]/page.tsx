import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { openMyRequest } from "@/lib/requests/gp-queries";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { requestNumberLabel } from "@/lib/labels";
import { Timeline } from "@/components/timeline/timeline";
import { PatientSituation } from "@/components/timeline/patient-situation";
import { Conversation } from "@/components/messages/conversation";
import { getConversation } from "@/lib/messages/queries";
import { StatusBadge, UrgencyBadge } from "@/components/requests/status-badge";
import { ClosureSummary, FiledConfirmation, ReferralList, RequestFacts, TerritoryContact } from "@/components/requests/request-detail";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { listScreenings } from "@/lib/screening/queries";
import { ScreeningPanel } from "@/components/screening/screening-panel";
import { listInterventions } from "@/lib/requests/intervention-queries";
import { Interventions } from "@/components/activity/interventions";

export const metadata: Metadata = { title: "Demande d'appui" };

const ZParams = z.object({ id: z.string().min(1).max(64) });
const ZSearch = z.object({ envoyee: z.literal("1").optional().catch(undefined) });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyRequestPage({ params, searchParams }: Props) {
  const parsed = ZParams.safeParse(await params);
  const actor = await requirePermission("requests.readOwn", parsed.success ? `/demandes/${encodeURIComponent(parsed.data.id)}` : "/demandes");
  if (!parsed.success) notFound();
  const { envoyee } = ZSearch.parse(await searchParams);
  // Another GP's request, or none: "not found" alike (its existence is not revealed).
  const request = await forPage(openMyRequest({ actor, requestId: parsed.data.id }));
  const [timeline, conversation, screenings, interventions] = await Promise.all([
    getRequestTimeline({ actor, requestId: request.id }),
    getConversation({ actor, requestId: request.id }),
    listScreenings({ actor, requestId: request.id }),
    listInterventions({ actor, requestId: request.id }),
  ]);

  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <BackLink href="/demandes">Mes demandes</BackLink>
      {envoyee ? <FiledConfirmation request={request} /> : null}
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Demande {requestNumberLabel(request.number)}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={request.status} />
          <UrgencyBadge urgency={request.urgency} />
        </p>
      </div>
      <PatientSituation entries={timeline} />
      <ClosureSummary request={request} />
      <RequestFacts request={request} />
      {screenings.length > 0 ? <ScreeningPanel requestId={request.id} screenings={screenings} /> : null}
      {envoyee && request.territory ? null : <TerritoryContact request={request} />}
      <ReferralList referrals={request.referrals} />
      {interventions.length > 0 ? <Interventions interventions={interventions} /> : null}
      <Conversation requestId={request.id} conversation={conversation} />
      <Card aria-labelledby="historique">
        <h2 id="historique" className="mb-3 text-lg font-semibold">
          Historique
        </h2>
        <Timeline entries={timeline} labelledBy="historique" />
      </Card>
    </div>
  );
}
