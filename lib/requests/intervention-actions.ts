"use server";

// The server action of « Interventions » (lib/action.ts): on a team's referral page (referralId)
// and on the coordinator's request page (requestId); the use case checks role, scope and state.
import { formAction } from "@/lib/action";
import { recordIntervention } from "@/lib/requests/record-intervention";
import { ZRecordIntervention } from "@/lib/requests/schemas";
import { referralOrRequestPage } from "@/lib/requests/action-pages";
import { INTERVENTION_KIND_LABELS } from "@/lib/labels";

export const recordInterventionAction = formAction({
  permission: "requests.interventions",
  schema: ZRecordIntervention,
  page: referralOrRequestPage,
  run: ({ actor, input }) => recordIntervention({ actor, input }),
  revalidate: ({ referralId }, { requestId }) => [
    `/coordination/demandes/${encodeURIComponent(requestId)}`,
    `/demandes/${encodeURIComponent(requestId)}`,
    ...(referralId ? [`/equipe/orientations/${encodeURIComponent(referralId)}`] : []),
  ],
  message: ({ kind, minutes }) => `Intervention enregistrée : ${INTERVENTION_KIND_LABELS[kind].toLowerCase()} (${minutes} min).`,
});
