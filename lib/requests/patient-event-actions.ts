"use server";

// The server action of « Signaler un événement du parcours » (lib/action.ts): on the coordinator's
// request page (requestId) and on a team's referral page (referralId); the use case checks role,
// scope and state.
import { formAction } from "@/lib/action";
import { reportPatientEvent } from "@/lib/requests/report-patient-event";
import { ZReportPatientEvent } from "@/lib/requests/schemas";
import { referralOrRequestPage } from "@/lib/requests/action-pages";

const pageOf = referralOrRequestPage;

export const reportPatientEventAction = formAction({
  permission: "requests.patient_events",
  schema: ZReportPatientEvent,
  page: pageOf,
  run: ({ actor, input }) => reportPatientEvent({ actor, input }),
  revalidate: ({ referralId }, { requestId }) => [
    "/coordination",
    "/equipe",
    `/coordination/demandes/${encodeURIComponent(requestId)}`,
    `/demandes/${encodeURIComponent(requestId)}`,
    ...(referralId ? [`/equipe/orientations/${encodeURIComponent(referralId)}`] : []),
  ],
  message: ({ kind }) =>
    kind === "DECEASED"
      ? "Décès signalé : le médecin, la coordination et les équipes en charge sont prévenus. Les orientations et la demande peuvent être clôturées."
      : "Événement signalé : le médecin, la coordination et les équipes en charge sont prévenus.",
});
