"use server";

// The server action of « Interventions » (lib/action.ts): on a team's referral page (referralId)
// and on the coordinator's request page (requestId); the use case checks role, scope and state.
import { formAction } from "@/lib/action";
import { recordIntervention } from "@/lib/requests/record-intervention";
import { ZRecordIntervention } from "@/lib/requests/schemas";
import { referralOrRequestPage } from "@/lib/requests/action-pages";
import { coordinationRequestPath, gpRequestPath, teamReferralPath } from "@/lib/paths";
import { INTERVENTION_KIND_LABELS } from "@/lib/labels";

export const recordInterventionAction = formAction({
  permission: "requests.interventions",
  schema: ZRecordIntervention,
  page: referralOrRequestPage,
  run: ({ actor, input }) => recordIntervention({ actor, input }),
  revalidate: ({ referralId }, { requestId }) => [
    coordinationRequestPath(requestId),
    gpRequestPath(requestId),
    ...(referralId ? [teamReferralPath(referralId)] : []),
  ],
  message: ({ kind, minutes }) => `Intervention enregistrée : ${INTERVENTION_KIND_LABELS[kind].toLowerCase()} (${minutes} min).`,
});
