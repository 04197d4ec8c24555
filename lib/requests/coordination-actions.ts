"use server";

// Server actions of the coordinator's forms: authorise, hand the form to the use case (which
// parses it with its zod schema and checks role, scope, state and version), refresh the pages.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { redirect } from "next/navigation";
import { formDataToObject, runAction, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz/actor";
import { requirePermission } from "@/lib/authz/require-permission";
import { dueSentence } from "@/lib/requests/promise-wording";
import { cancelReferral } from "@/lib/referrals/cancel-referral";
import { addNote } from "@/lib/requests/add-note";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { closeRequest } from "@/lib/requests/close-request";
import { fileRequest } from "@/lib/requests/file-request";
import { requestNumberLabel } from "@/lib/requests/labels";
import { orientRequest } from "@/lib/requests/orient-request";
import { reopenRequest } from "@/lib/requests/reopen-request";
import { ZPhoneIntake, type ZAddNote, type ZCancelRequest, type ZCloseRequest, type ZOrientRequest, type ZReferralRef, type ZReopenRequest } from "@/lib/requests/schemas";
import { isInCoordinatorScope } from "@/lib/requests/coordination-queries";

type Input = Record<string, unknown>;

const requestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;

function idOf(input: Input): string {
  return typeof input.requestId === "string" ? input.requestId : "";
}

// One request-page form: the actor, the use case (whose schema validates the fields as sent),
// then both pages refreshed.
function act<I>(form: FormData, successMessage: string, run: (actor: Actor, input: I) => Promise<unknown>, arrayKeys: string[] = []): Promise<ActionResult> {
  return runAction<undefined>(async () => {
    const input = formDataToObject(form, arrayKeys);
    const requestId = idOf(input);
    const actor = await requirePermission("requests.coordinate", requestId ? requestPath(requestId) : "/coordination");
    await run(actor, input as I);
    revalidatePath("/coordination");
    if (requestId) revalidatePath(requestPath(requestId));
    return undefined;
  }, successMessage);
}

// From the queue: claim, then straight to the request to triage it.
export async function claimFromQueueAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const requestId = idOf(formDataToObject(form));
  const result = await act(form, "Demande prise en charge.", (actor: Actor) => claimRequest({ actor, requestId }));
  if (result.ok) redirect(requestPath(requestId));
  return result;
}

export async function claimRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Demande prise en charge : elle est en cours d'analyse.", (actor, input: Input) => claimRequest({ actor, requestId: idOf(input) }));
}

export async function addNoteAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Note ajoutée.", (actor, input: z.input<typeof ZAddNote>) => addNote({ actor, input }));
}

export async function orientRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Orientation envoyée aux équipes.", (actor, input: z.input<typeof ZOrientRequest>) => orientRequest({ actor, input }), ["structureIds"]);
}

export async function cancelRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Demande annulée.", (actor, input: z.input<typeof ZCancelRequest>) => cancelRequest({ actor, input }));
}

export async function closeRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Demande clôturée : le médecin peut lire la synthèse.", (actor, input: z.input<typeof ZCloseRequest>) => closeRequest({ actor, input }));
}

export async function reopenRequestAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Demande rouverte : elle revient en analyse.", (actor, input: z.input<typeof ZReopenRequest>) => reopenRequest({ actor, input }));
}

export async function cancelReferralAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return act(form, "Orientation annulée.", (actor, input: z.input<typeof ZReferralRef>) => cancelReferral({ actor, input }));
}

export type IntakeConfirmation = {
  requestId: string;
  number: string;
  territory: { name: string; publicPhone: string } | null;
  // False when the commune belongs to a territory this coordinator does not cover.
  ownTerritory: boolean;
  triageDue: string | null;
  contactDue: string | null;
};

// Phone (or secure mail) intake: parse → authorise → file; the confirmation is shown in place.
export async function phoneIntakeAction(_previous: ActionResult<IntakeConfirmation> | null, form: FormData): Promise<ActionResult<IntakeConfirmation>> {
  return runAction(async () => {
    const actor = await requirePermission("requests.intake", "/coordination/appel");
    const input = ZPhoneIntake.parse(formDataToObject(form, ["needs"]));
    const filed = await fileRequest({ channel: input.channel, actor, input });
    const inScope = await isInCoordinatorScope({ actor, requestId: filed.id });
    revalidatePath("/coordination");
    return {
      requestId: filed.id,
      number: requestNumberLabel(filed.number),
      territory: filed.territory,
      ownTerritory: inScope,
      triageDue: filed.triageDueAt ? dueSentence("triage", filed.triageDueAt, filed.dueClock) : null,
      contactDue: filed.contactDueAt ? dueSentence("contact", filed.contactDueAt, filed.dueClock) : null,
    };
  }, "Demande enregistrée.");
}
