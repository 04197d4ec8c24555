"use server";

// The server action of « Consentements du patient » on the coordinator's request page
// (lib/action.ts); the use case checks role, scope and version.
import { formAction } from "@/lib/action";
import { recordSharingConsent } from "@/lib/requests/record-sharing-consent";
import { ZRecordSharingConsent } from "@/lib/requests/schemas";

const requestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;

export const recordSharingConsentAction = formAction({
  permission: "requests.coordinate",
  schema: ZRecordSharingConsent,
  page: (raw) => (typeof raw.requestId === "string" && raw.requestId ? requestPath(raw.requestId) : "/coordination"),
  run: ({ actor, input }) => recordSharingConsent({ actor, input }),
  revalidate: ({ requestId }) => ["/coordination", "/equipe", requestPath(requestId), `/demandes/${encodeURIComponent(requestId)}`],
  message: ({ purpose, granted, withdrawnReferralIds }) =>
    purpose === "COORDINATION"
      ? granted
        ? "Consentement à la coordination enregistré."
        : "Retrait enregistré : plus aucune orientation n'est possible et les équipes sollicitées n'ont plus accès à la demande. Vous pouvez clôturer la demande (« Refus du patient »)."
      : granted
        ? "Consentement enregistré : vous pouvez orienter vers cette structure."
        : withdrawnReferralIds.length > 0
          ? "Refus enregistré : l'équipe concernée n'a plus accès à la demande et son orientation en cours est annulée."
          : "Refus enregistré : aucune orientation vers cette structure ne sera possible sans nouveau consentement.",
});
