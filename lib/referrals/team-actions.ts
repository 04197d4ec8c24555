"use server";

// Server actions of the care team's forms (lib/action.ts): the use case checks role, scope, state
// and version.
import { formAction } from "@/lib/action";
import { ZCompleteReferral, ZDeclineReferral, ZRecordFirstContact, ZReferralNote, ZReferralRef } from "@/lib/requests/schemas";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { addReferralNote } from "@/lib/referrals/add-referral-note";
import { completeReferral } from "@/lib/referrals/complete-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";

const referralPath = (referralId: string) => `/equipe/orientations/${encodeURIComponent(referralId)}`;

// One referral-page form: the team's permission, the inbox and the referral's page refreshed.
const team = {
  permission: "referrals.respond",
  page: (raw: Record<string, unknown>) => (typeof raw.referralId === "string" && raw.referralId ? referralPath(raw.referralId) : "/equipe"),
  revalidate: ({ referralId }: { referralId: string }) => ["/equipe", referralPath(referralId)],
} as const;

export const acceptReferralAction = formAction({
  ...team,
  schema: ZReferralRef,
  run: ({ actor, input }) => acceptReferral({ actor, input }),
  message: "Orientation acceptée.",
});

export const declineReferralAction = formAction({
  ...team,
  schema: ZDeclineReferral,
  run: ({ actor, input }) => declineReferral({ actor, input }),
  // Whether the request went back to the coordination depends on the other teams' answers.
  message: (synced) =>
    synced.to === "TRIAGE"
      ? "Orientation refusée : la demande revient à la coordination pour une nouvelle orientation."
      : "Orientation refusée : la coordination en est informée.",
});

export const recordFirstContactAction = formAction({
  ...team,
  schema: ZRecordFirstContact,
  run: ({ actor, input }) => recordFirstContact({ actor, input }),
  message: "Premier contact enregistré.",
});

export const addReferralNoteAction = formAction({
  ...team,
  schema: ZReferralNote,
  run: ({ actor, input }) => addReferralNote({ actor, input }),
  message: "Note ajoutée.",
});

export const completeReferralAction = formAction({
  ...team,
  schema: ZCompleteReferral,
  run: ({ actor, input }) => completeReferral({ actor, input }),
  message: "Intervention terminée : votre retour est transmis au médecin.",
});
