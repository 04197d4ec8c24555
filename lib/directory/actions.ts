"use server";

// Server actions of the directory's forms (lib/action.ts): the use case checks role, scope and
// version; then the structure's page, or a message in place.
import { z } from "zod";
import { formAction } from "@/lib/action";
import { formatDate } from "@/lib/time";
import { CAPACITY_LABELS } from "@/lib/directory/labels";
import { createStructure } from "@/lib/directory/create-structure";
import { setStructureActive } from "@/lib/directory/set-structure-active";
import { updateStructure } from "@/lib/directory/update-structure";
import { updateStructureContacts } from "@/lib/directory/update-structure-contacts";
import { updateCapacity } from "@/lib/directory/update-capacity";
import { ZCreateStructureForm, ZStructureRef, ZUpdateCapacity, ZUpdateContactsForm, ZUpdateStructureForm } from "@/lib/directory/schemas";

const ARRAY_FIELDS = ["coverageCommuneCodes", "coverageTerritoryIds", "ageGroups", "offers"];

const structurePath = (id: string) => `/annuaire/${encodeURIComponent(id)}`;
const idOf = (raw: Record<string, unknown>) => (typeof raw.structureId === "string" ? raw.structureId : "");
// After an edit, the structure's page says whether anything changed.
const savedPage = (id: string, changed: boolean) => `${structurePath(id)}?enregistree=${changed ? "modifiee" : "inchangee"}`;

export const createStructureAction = formAction({
  permission: "directory.manage",
  schema: ZCreateStructureForm,
  arrays: ARRAY_FIELDS,
  page: () => "/annuaire/nouvelle",
  run: ({ actor, input }) => createStructure({ actor, input }),
  revalidate: () => ["/annuaire"],
  redirectTo: ({ id }) => `${structurePath(id)}?enregistree=creee`,
});

export const updateStructureAction = formAction({
  permission: "directory.manage",
  schema: ZUpdateStructureForm,
  arrays: ARRAY_FIELDS,
  page: (raw) => `${structurePath(idOf(raw))}/modifier`,
  run: ({ actor, input }) => updateStructure({ actor, input }),
  revalidate: () => ["/annuaire"],
  redirectTo: ({ changed }, { structureId }) => savedPage(structureId, changed),
});

export const updateContactsAction = formAction({
  permission: "directory.edit",
  schema: ZUpdateContactsForm,
  page: (raw) => `${structurePath(idOf(raw))}/modifier`,
  run: ({ actor, input }) => updateStructureContacts({ actor, input }),
  revalidate: () => ["/annuaire"],
  redirectTo: ({ changed }, { structureId }) => savedPage(structureId, changed),
});

export const updateCapacityAction = formAction({
  permission: "directory.edit",
  schema: ZUpdateCapacity,
  page: (raw) => structurePath(idOf(raw)),
  run: ({ actor, input }) => updateCapacity({ actor, input }),
  revalidate: ({ structureId }) => [structurePath(structureId), "/annuaire"],
  message: ({ capacityConfirmedAt }, { capacityStatus }) =>
    `Disponibilité enregistrée (${CAPACITY_LABELS[capacityStatus].toLowerCase()}), confirmée le ${formatDate(capacityConfirmedAt)}.`,
});

// The toggle sends "true" or "false" (a hidden field), not a checkbox.
const ZSetActive = ZStructureRef.extend({ active: z.enum(["true", "false"], { error: "État inconnu." }) });

export const setStructureActiveAction = formAction({
  permission: "directory.manage",
  schema: ZSetActive,
  page: (raw) => structurePath(idOf(raw)),
  run: ({ actor, parsed }) =>
    setStructureActive({ actor, input: { structureId: parsed.structureId, version: parsed.version, active: parsed.active === "true" } }),
  revalidate: ({ structureId }) => [structurePath(structureId), "/annuaire"],
  message: (_, { active }) =>
    active === "true"
      ? "Structure réactivée : elle apparaît de nouveau dans l'annuaire et les suggestions."
      : "Structure désactivée : elle n'apparaît plus dans les recherches ni dans les suggestions.",
});
