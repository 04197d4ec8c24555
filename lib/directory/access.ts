// Who may change which structure: the permission table says what (directory.edit: capacity and
// contacts; directory.manage: everything), lib/authz/scopes.ts editableStructureScope says which
// rows. These pure twins answer for one structure already loaded (to show or hide a button); the
// use cases still put the scope in their `where`.
import type { Actor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";

type Owned = { id: string; territoryId: string | null };

function inScope(actor: Actor, structure: Owned): boolean {
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "COORDINATOR":
      return structure.territoryId !== null && actor.territoryIds.includes(structure.territoryId);
    case "TEAM_MEMBER":
      return actor.structureIds.includes(structure.id);
    default:
      return false;
  }
}

/** Capacity and contacts. */
export function canEditStructure(actor: Actor, structure: Owned): boolean {
  return can(actor, "directory.edit") && inScope(actor, structure);
}

/** Identity, coverage, offers, activation. */
export function canManageStructure(actor: Actor, structure: Owned): boolean {
  return can(actor, "directory.manage") && inScope(actor, structure);
}

/** The administering territory a coordinator gives a structure must be one of theirs. */
export function assertTerritoryInScope(actor: Actor, territoryId: string | null): void {
  if (actor.role === "ADMIN") return;
  if (!territoryId)
    throw new AppError("INVALID_INPUT", "Certains champs sont à corriger.", { territoryId: ["Choisissez le territoire qui administre la fiche."] });
  if (!actor.territoryIds.includes(territoryId)) {
    throw new AppError("INVALID_INPUT", "Certains champs sont à corriger.", {
      territoryId: ["Vous ne pouvez rattacher une structure qu'à l'un de vos territoires."],
    });
  }
}
