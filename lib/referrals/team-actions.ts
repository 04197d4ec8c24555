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

// The form's fields, as sent; the use case's schema is the validation.
function respond<I>(form: FormData, successMessage: string, act: (actor: Actor, input: I) => Promise<unknown>): Promise<ActionResult> {
  return runAction<undefined>(async () => {
    const input = formDataToObject(form);
    const referralId = typeof input.referralId === "string" ? input.referralId : "";
    const actor = await requirePermission("referrals.respond", referralId ? `/equipe/orientations/${referralId}` : "/equipe");
    await act(actor, input as I);
    revalidatePath("/equipe");
    if (referralId) revalidatePath(`/equipe/orientations/${referralId}`);
    return undefined;
  }, successMessage);
}

export async function acceptReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZReferralRef>>(form, "Orientation acceptée.", (actor, input) => acceptReferral({ actor, input }));
}

export async function declineReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZDeclineReferral>>(form, "Orientation refusée : la demande revient à la coordination.", (actor, input) => declineReferral({ actor, input }));
}

export async function recordFirstContactAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZRecordFirstContact>>(form, "Premier contact enregistré.", (actor, input) => recordFirstContact({ actor, input }));
}

export async function addReferralNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZReferralNote>>(form, "Note ajoutée.", (actor, input) => addReferralNote({ actor, input }));
}

export async function completeReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return respond<z.input<typeof ZCompleteReferral>>(form, "Intervention terminée : votre retour est transmis au médecin.", (actor, input) => completeReferral({ actor, input }));
}
