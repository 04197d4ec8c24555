"use server";

// Server actions of the coordinator's forms (lib/action.ts): the use case checks role, scope,
// state and version.
import { formAction } from "@/lib/action";
import { dueSentence } from "@/lib/requests/promise-wording";
import { cancelReferral } from "@/lib/requests/cancel-referral";
import { addNote } from "@/lib/requests/add-note";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { closeRequest } from "@/lib/requests/close-request";
import { fileRequest } from "@/lib/requests/file-request";
import { requestNumberLabel } from "@/lib/labels";
import { orientRequest } from "@/lib/requests/orient-request";
import { reopenRequest } from "@/lib/requests/reopen-request";
import { assignRequestTerritory } from "@/lib/requests/assign-territory";
import { requalifyRequest } from "@/lib/requests/requalify-request";
import { withdrawParallelReferrals } from "@/lib/requests/withdraw-parallel-referrals";
import { identifyPatient } from "@/lib/requests/identify-patient";
import { mergePatient } from "@/lib/requests/merge-patient";
import {
  ZAddNote,
  ZAssignTerritory,
  ZRequalifyRequest,
  ZCancelRequest,
  ZCloseRequest,
  ZOrientRequest,
  ZOrientToSuggestion,
  ZPhoneIntake,
  ZReferralRef,
  ZReopenRequest,
  ZRequestId,
  ZWithdrawParallelReferrals,
  ZIdentifyPatient,
  ZMergePatient,
} from "@/lib/requests/schemas";
import { isInCoordinatorScope } from "@/lib/requests/coordination-queries";

const requestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;
const pageOf = (raw: Record<string, unknown>) => (typeof raw.requestId === "string" && raw.requestId ? requestPath(raw.requestId) : "/coordination");
const refresh = ({ requestId }: { requestId: string }) => ["/coordination", requestPath(requestId)];

// One request-page form: the coordinator's permission, the use case's schema, the queue and the
// request's page refreshed.
const coordination = { permission: "requests.coordinate", page: pageOf, revalidate: refresh } as const;

// From the queue: claim, then straight to the request to triage it.
export const claimFromQueueAction = formAction({
  ...coordination,
  schema: ZRequestId,
  run: ({ actor, parsed }) => claimRequest({ actor, requestId: parsed.requestId }),
  redirectTo: (_, { requestId }) => requestPath(requestId),
});

export const claimRequestAction = formAction({
  ...coordination,
  schema: ZRequestId,
  run: ({ actor, parsed }) => claimRequest({ actor, requestId: parsed.requestId }),
  message: "Demande prise en charge : elle est en cours d'analyse.",
});

export const addNoteAction = formAction({ ...coordination, schema: ZAddNote, run: ({ actor, input }) => addNote({ actor, input }), message: "Note ajoutée." });

export const requalifyRequestAction = formAction({
  ...coordination,
  schema: ZRequalifyRequest,
  arrays: ["needs"],
  run: ({ actor, input }) => requalifyRequest({ actor, input }),
  message: ({ changed }) =>
    changed.includes("urgency") ? "Demande requalifiée : les échéances suivent la nouvelle urgence, comptées depuis le dépôt." : "Demande requalifiée.",
});

export const orientRequestAction = formAction({
  ...coordination,
  schema: ZOrientRequest,
  arrays: ["structureIds"],
  run: ({ actor, input }) => orientRequest({ actor, input }),
  message: "Orientation envoyée aux équipes.",
});

// One click on a suggestion: one referral to that structure. The same use case as the orient form,
// so the rank among the suggestions is computed by the server, and a structure outside the top
// suggestions still needs the reason typed beside its button.
export const orientToSuggestionAction = formAction({
  ...coordination,
  schema: ZOrientToSuggestion,
  run: ({ actor, parsed }) =>
    orientRequest({
      actor,
      input: { requestId: parsed.requestId, version: parsed.version, structureIds: [parsed.structureId], overrideReason: parsed.overrideReason || undefined },
    }),
  message: (_, { structureName }) => `Orientation envoyée${structureName ? ` à ${structureName}` : ""}.`,
});

export const cancelRequestAction = formAction({
  ...coordination,
  schema: ZCancelRequest,
  run: ({ actor, input }) => cancelRequest({ actor, input }),
  message: "Demande annulée.",
});

export const closeRequestAction = formAction({
  ...coordination,
  schema: ZCloseRequest,
  run: ({ actor, input }) => closeRequest({ actor, input }),
  message: "Demande clôturée : le médecin peut lire la synthèse.",
});

export const reopenRequestAction = formAction({
  ...coordination,
  schema: ZReopenRequest,
  run: ({ actor, input }) => reopenRequest({ actor, input }),
  message: "Demande rouverte : elle revient en analyse.",
});

// Cancelling one orientation from the request page (the form carries the request's id too).
export const cancelReferralAction = formAction({
  ...coordination,
  schema: ZReferralRef.extend({ requestId: ZRequestId.shape.requestId }),
  run: ({ actor, input }) => cancelReferral({ actor, input }),
  message: "Orientation annulée.",
});

export const withdrawParallelReferralsAction = formAction({
  ...coordination,
  schema: ZWithdrawParallelReferrals,
  arrays: ["referralIds"],
  run: ({ actor, input }) => withdrawParallelReferrals({ actor, input }),
  message: ({ withdrawn }) =>
    withdrawn === 1 ? "Orientation en attente retirée : l'équipe est prévenue." : `${withdrawn} orientations en attente retirées : les équipes sont prévenues.`,
});

// Identify (or correct) the patient: possible duplicates come back to the form to choose from.
export const identifyPatientAction = formAction({
  ...coordination,
  schema: ZIdentifyPatient,
  run: ({ actor, input }) => identifyPatient({ actor, input }),
  data: (result) => result,
  message: (result) =>
    result.outcome === "duplicates"
      ? "Patients possiblement identiques : rattachez la demande à l'un d'eux, ou créez un nouveau dossier."
      : result.mode === "corrected"
        ? "Identité corrigée."
        : result.mode === "linked"
          ? "Patient identifié : la demande est rattachée à son dossier."
          : "Patient identifié : nouveau dossier créé.",
});

export const mergePatientAction = formAction({
  ...coordination,
  schema: ZMergePatient,
  run: ({ actor, input }) => mergePatient({ actor, input }),
  message: ({ movedRequestIds }) =>
    `Dossiers fusionnés : ${movedRequestIds.length === 1 ? "sa demande rejoint" : `ses ${movedRequestIds.length} demandes rejoignent`} ce dossier, historiques conservés.`,
});

export type IntakeConfirmation = {
  requestId: string;
  number: string;
  territory: { name: string; publicPhone: string } | null;
  // False when the commune belongs to a territory this coordinator does not cover.
  ownTerritory: boolean;
  triageDue: string | null;
  contactDue: string | null;
};

// Phone (or secure mail) intake: the confirmation is shown in place.
export const phoneIntakeAction = formAction({
  permission: "requests.intake",
  schema: ZPhoneIntake,
  arrays: ["needs"],
  page: () => "/coordination/appel",
  run: async ({ actor, parsed }) => {
    const filed = await fileRequest({ channel: parsed.channel, actor, input: parsed });
    return { filed, inScope: await isInCoordinatorScope({ actor, requestId: filed.id }) };
  },
  revalidate: () => ["/coordination"],
  message: "Demande enregistrée.",
  data: ({ filed, inScope }): IntakeConfirmation => ({
    requestId: filed.id,
    number: requestNumberLabel(filed.number),
    territory: filed.territory,
    ownTerritory: inScope,
    triageDue: filed.triageDueAt ? dueSentence("triage", filed.triageDueAt, filed.dueClock) : null,
    contactDue: filed.contactDueAt ? dueSentence("contact", filed.contactDueAt, filed.dueClock) : null,
  }),
});

// A request hors territoire given to a territory. Taken into one of hers, the coordinator goes on
// with it on its page; given to another territory (or by an administrator), it leaves her queue —
// the list she comes back to says where it went.
export const assignTerritoryAction = formAction({
  permission: "requests.assign_territory",
  schema: ZAssignTerritory,
  page: pageOf,
  run: ({ actor, input }) => assignRequestTerritory({ actor, input }),
  revalidate: ({ requestId }) => [...refresh({ requestId }), "/admin"],
  redirectTo: ({ requestId, number, territoryName, mine, admin }) => {
    const said = `rattachee=${encodeURIComponent(requestNumberLabel(number))}&territoire=${encodeURIComponent(territoryName)}`;
    return mine ? `${requestPath(requestId)}?${said}` : `${admin ? "/admin" : "/coordination"}?${said}`;
  },
});
