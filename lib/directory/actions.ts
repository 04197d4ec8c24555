"use server";

// Server actions of the directory's forms: authorise, hand the form to the use case (which parses it
// with its zod schema and checks role, scope and version), refresh or go to the structure's page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { formDataToObject, runAction, type ActionResult } from "@/lib/action-result";
import { requirePermission } from "@/lib/authz/require-permission";
import { formatDate } from "@/lib/time";
import { CAPACITY_LABELS } from "@/lib/directory/labels";
import { createStructure } from "@/lib/directory/create-structure";
import { setStructureActive, updateStructure, updateStructureContacts } from "@/lib/directory/update-structure";
import { updateCapacity } from "@/lib/directory/update-capacity";
import type { ZCreateStructureForm, ZStructureRef, ZUpdateCapacity, ZUpdateContactsForm, ZUpdateStructureForm } from "@/lib/directory/schemas";

const ARRAY_FIELDS = ["coverageCommuneCodes", "coverageTerritoryIds", "ageGroups", "offers"];

function structureIdOf(values: Record<string, unknown>): string {
  return typeof values.structureId === "string" ? values.structureId : "";
}

export async function createStructureAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await requirePermission("directory.manage", "/annuaire/nouvelle");
  const values = formDataToObject(form, ARRAY_FIELDS);
  const result = await runAction(() => createStructure({ actor, input: values as z.input<typeof ZCreateStructureForm> }));
  if (!result.ok) return result;
  revalidatePath("/annuaire");
  redirect(`/annuaire/${result.data!.id}?enregistree=creee`);
}

export async function updateStructureAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formDataToObject(form, ARRAY_FIELDS);
  const id = structureIdOf(values);
  const actor = await requirePermission("directory.manage", `/annuaire/${id}/modifier`);
  const result = await runAction(() => updateStructure({ actor, input: values as z.input<typeof ZUpdateStructureForm> }));
  if (!result.ok) return result;
  revalidatePath("/annuaire");
  redirect(`/annuaire/${encodeURIComponent(id)}?enregistree=${result.data!.changed ? "modifiee" : "inchangee"}`);
}

export async function updateContactsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formDataToObject(form);
  const id = structureIdOf(values);
  const actor = await requirePermission("directory.edit", `/annuaire/${id}/modifier`);
  const result = await runAction(() => updateStructureContacts({ actor, input: values as z.input<typeof ZUpdateContactsForm> }));
  if (!result.ok) return result;
  revalidatePath("/annuaire");
  redirect(`/annuaire/${encodeURIComponent(id)}?enregistree=${result.data!.changed ? "modifiee" : "inchangee"}`);
}

export async function updateCapacityAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formDataToObject(form);
  const id = structureIdOf(values);
  const actor = await requirePermission("directory.edit", `/annuaire/${id}`);
  const result = await runAction(() => updateCapacity({ actor, input: values as z.input<typeof ZUpdateCapacity> }));
  if (!result.ok) return result;
  revalidatePath(`/annuaire/${id}`);
  revalidatePath("/annuaire");
  const status = typeof values.capacityStatus === "string" ? (CAPACITY_LABELS[values.capacityStatus as keyof typeof CAPACITY_LABELS] ?? "") : "";
  return { ok: true, message: `Disponibilité enregistrée (${status.toLowerCase()}), confirmée le ${formatDate(result.data!.capacityConfirmedAt)}.` };
}

export async function setStructureActiveAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = formDataToObject(form);
  const id = structureIdOf(values);
  const actor = await requirePermission("directory.manage", `/annuaire/${id}`);
  const active = values.active === "true";
  const result = await runAction(() => setStructureActive({ actor, input: { ...(values as z.input<typeof ZStructureRef>), active } }));
  if (!result.ok) return result;
  revalidatePath(`/annuaire/${id}`);
  revalidatePath("/annuaire");
  return { ok: true, message: active ? "Structure réactivée : elle apparaît de nouveau dans l'annuaire et les suggestions." : "Structure désactivée : elle n'apparaît plus dans les recherches ni dans les suggestions." };
}
