import type { Actor } from "@/lib/authz/actor";

// Row scopes: the `where` fragments that bound what an actor may see. Built here once, used inside
// every query on scoped tables. Deny by default: a role not handled sees nothing.
const NOTHING = { id: { in: [] as string[] } };

// Territories an actor may see the details of (not patient data: see each domain's own scopes).
export function territoryScope(actor: Actor): { id?: { in: string[] } } {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "COORDINATOR":
    case "ARS":
      return { id: { in: actor.territoryIds } };
    case "GP":
    case "TEAM_MEMBER":
      return NOTHING;
    default:
      return NOTHING;
  }
}

// Structures whose own settings (contacts, capacity) an actor may edit.
export function editableStructureScope(actor: Actor): { id?: { in: string[] }; territoryId?: { in: string[] } } {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "COORDINATOR":
      return { territoryId: { in: actor.territoryIds } };
    case "TEAM_MEMBER":
      return { id: { in: actor.structureIds } };
    default:
      return NOTHING;
  }
}
