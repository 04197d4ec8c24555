"use server";

// Server actions of the care team's forms: authorise, hand the form to the use case (which parses
// it with its zod schema and checks role, scope, state and version), refresh the pages.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formDataToObject, runAction, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz/actor";
import { requirePermission } from "@/lib/authz/require-permission";
import type { ZCompleteReferral, ZDeclineReferral, ZRecordFirstContact, ZReferralNote, ZReferralRef } from "@/lib/requests/schemas";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { addReferralNote } from "@/lib/referrals/add-referral-note";
import { completeReferral } from "@/lib/referrals/complete-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";
import type { SyncedStatus } from "@/lib/referrals/sync-request-status";

// The form's fields, as sent; the use case's schema is the validation.
// The success message may depend on what the use case did (e.g. whether the request went back to
// the coordination).
function respond<I, R>(form: FormData, successMessage: string | ((result: R) => string), act: (actor: Actor, input: I) => Promise<R>): Promise<ActionResult> {
  let message = typeof successMessage === "string" ? successMessage : "";
  return runAction<undefined>(async () => {
    const input = formDataToObject(form);
    const referralId = typeof input.referralId === "string" ? input.referralId : "";
    const actor = await requirePermission("referrals.respond", referralId ? `/equipe/orientations/${referralId}` : "/equipe");
    const result = await act(actor, input as I);
    if (typeof successMessage === "function") message = successMessage(result);
    revalidatePath("/equipe");
    if (referralId) revalidatePath(`/equipe/orientations/${referralId}`);
    return undefined;
  }).then((result) => (result.ok ? { ...result, message } : result));
}

export async function acceptReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZReferralRef>, unknown>(form, "Orientation acceptée.", (actor, input) => acceptReferral({ actor, input }));
}

export async function declineReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZDeclineReferral>, SyncedStatus>(
    form,
    (synced) => (synced.to === "TRIAGE" ? "Orientation refusée : la demande revient à la coordination pour une nouvelle orientation." : "Orientation refusée : la coordination en est informée."),
    (actor, input) => declineReferral({ actor, input }),
  );
}

export async function recordFirstContactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZRecordFirstContact>, unknown>(form, "Premier contact enregistré.", (actor, input) => recordFirstContact({ actor, input }));
}

export async function addReferralNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZReferralNote>, unknown>(form, "Note ajoutée.", (actor, input) => addReferralNote({ actor, input }));
}

export async function completeReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZCompleteReferral>, unknown>(form, "Intervention terminée : votre retour est transmis au médecin.", (actor, input) => completeReferral({ actor, input }));
}
