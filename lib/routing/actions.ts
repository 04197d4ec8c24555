"use server";

// Server actions of the routing screens: authorise, hand the form to the use case (which parses it
// with its zod schema and checks role, scope, state and version), refresh the pages.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formDataToObject, runAction, type ActionResult } from "@/lib/action-result";
import { requirePermission } from "@/lib/authz/require-permission";
import { AppError } from "@/lib/errors";
import { orientRequest } from "@/lib/requests/orient-request";
import { updateRoutingRules, type ZUpdateRoutingRules } from "@/lib/routing/update-rules";

const text = (value: unknown): string => (typeof value === "string" ? value : "");

// One click on a suggestion: one referral to that structure. The same use case as the orient form,
// so the rank among the suggestions is computed by the server, and a structure outside the top
// suggestions still needs the reason typed beside its button.
export async function orientToSuggestionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = formDataToObject(form);
  const requestId = text(input.requestId);
  const path = `/coordination/demandes/${encodeURIComponent(requestId)}`;
  return runAction(async () => {
    const actor = await requirePermission("requests.coordinate", requestId ? path : "/coordination");
    await orientRequest({
      actor,
      input: { requestId, version: text(input.version), structureIds: [text(input.structureId)], overrideReason: text(input.overrideReason) || undefined },
    });
    revalidatePath("/coordination");
    if (requestId) revalidatePath(path);
    return undefined;
  }, `Orientation envoyée${input.structureName ? ` à ${text(input.structureName)}` : ""}.`);
}

export async function updateRoutingRulesAction(_previous: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  const input = formDataToObject(form);
  const slug = text(input.slug);
  let changed = 0;
  const result = await runAction(async () => {
    const actor = await requirePermission("routing.rules.edit", slug ? `/coordination/regles/${encodeURIComponent(slug)}` : "/coordination/regles");
    let rules: unknown;
    try {
      rules = JSON.parse(text(input.rules));
    } catch {
      throw new AppError("INVALID_INPUT", "Règles illisibles : rechargez la page et recommencez.");
    }
    const saved = await updateRoutingRules({ actor, input: { territoryId: text(input.territoryId), version: text(input.version), // The use case validates it; its type is what it will be once validated.
      rules: rules as z.input<typeof ZUpdateRoutingRules>["rules"] } });
    changed = saved.changes.length;
    revalidatePath("/coordination/regles");
    if (slug) revalidatePath(`/coordination/regles/${encodeURIComponent(slug)}`);
    return { version: saved.version };
  });
  if (!result.ok) return result;
  return { ...result, message: changed === 0 ? "Aucune modification à enregistrer." : `Règles enregistrées : ${changed} ${changed === 1 ? "modification" : "modifications"}.` };
}
