import { AppError } from "@/lib/errors";

// The permission table: which roles may do what. Everything not listed is refused (fail closed):
// an unknown role, an unknown permission or a missing user gets `false`.
export const ROLES = ["GP", "COORDINATOR", "TEAM_MEMBER", "ARS", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

const PROFESSIONALS: readonly Role[] = ["GP", "COORDINATOR", "TEAM_MEMBER", "ADMIN"];

export const PERMISSIONS = {
  // Home pages (one per role).
  "home.gp": ["GP"],
  "home.coordination": ["COORDINATOR"],
  "home.team": ["TEAM_MEMBER"],
  "home.ars": ["ARS"],
  "home.admin": ["ADMIN"],
  // Territories: their public numbers and service levels (no patient data).
  "territories.read": ["GP", "COORDINATOR", "TEAM_MEMBER", "ARS", "ADMIN"],
  "territories.manage": ["ADMIN"],
  // Users and memberships: every account, its role and memberships (ADMIN). A coordinator invites,
  // deactivates and reactivates the team members of the structures of her territories, and nothing
  // else (lib/users/scope.ts bounds the rows).
  "users.manage": ["ADMIN"],
  "users.invite": ["ADMIN", "COORDINATOR"],
  // One's own profile: name, phone, password, notification preferences.
  "profile.edit": ["GP", "COORDINATOR", "TEAM_MEMBER", "ARS", "ADMIN"],
  // The audit trail of the whole platform (/admin/journal). A coordinator sees who consulted the
  // requests of their territories on each request's page (requests.coordinate and its scope).
  "audit.read": ["ADMIN"],
  // Directory of care structures.
  "directory.read": PROFESSIONALS,
  // Keep a structure's capacity and contacts up to date, bounded by editableStructureScope: a team
  // member their own structures, a coordinator those of their territories, an admin all.
  "directory.edit": ["TEAM_MEMBER", "COORDINATOR", "ADMIN"],
  // Everything else on a structure (identity, coverage, offers), creation and deactivation, within
  // the same scope: coordinators and admins only.
  "directory.manage": ["COORDINATOR", "ADMIN"],
  // CSV import and export of the structures in that scope.
  "directory.import": ["COORDINATOR", "ADMIN"],
  // Requests (demandes d'appui). Each lifecycle action is further checked in
  // lib/requests/transitions.ts (role + state) and bounded by requestScope (rows).
  "requests.file": ["GP"], // the professional's web form
  "requests.readOwn": ["GP"], // "my requests" and their timelines
  "requests.intake": ["COORDINATOR"], // a request received by phone or secure mail
  "requests.coordinate": ["COORDINATOR"], // queue, request page, triage, orientation, closure
  "referrals.respond": ["TEAM_MEMBER"], // a team's inbox and answers
  // A request hors territoire (its commune in no territory) given to a territory: the coordinators
  // of its département (requestScope) and the administrators (who never read its patient).
  "requests.assign_territory": ["COORDINATOR", "ADMIN"],
  // What happens to the patient during care (hospitalised, back home, nursing home, deceased):
  // a coordinator on her requests, a team on the referrals it accepted.
  "requests.patient_events": ["COORDINATOR", "TEAM_MEMBER"],
  // The patient's care circle (carer, trusted person, own professionals): the coordination and the
  // teams that accepted a referral (lib/requests/care-circle-access.ts bounds the rows).
  "requests.care_circle": ["COORDINATOR", "TEAM_MEMBER"],
  // The conversation on a request (lib/messages/access.ts bounds the rows): never the ARS nor the
  // administrators.
  "requests.messages": ["GP", "COORDINATOR", "TEAM_MEMBER"],
  // The screening grids of a request (clinical data, bounded by requestScope): the GP who filed it,
  // the coordination, the teams it was shared with — never the ARS nor the administrators. The GP
  // fills PALLIA-10 while filing; the coordination records any grid (requests.coordinate).
  "requests.screenings": ["GP", "COORDINATOR", "TEAM_MEMBER"],
  // Activity records: a team on the referrals it has in charge, the coordination its own (phone
  // advice, coordination visits); the GP reads them on his request.
  "requests.interventions": ["COORDINATOR", "TEAM_MEMBER"],
  // The supportive-care RCP of a territory (lib/rcp/): its coordination schedules, sets the agenda
  // and records; the GP and the teams read the synthesis sheet of their requests (requestScope);
  // a team marks done the decisions its structure is responsible for.
  "rcp.manage": ["COORDINATOR"],
  "rcp.decisions": ["COORDINATOR", "TEAM_MEMBER"],
  "rcp.sheets": ["GP", "COORDINATOR", "TEAM_MEMBER"],
  // Aggregate dashboards, CSV exports and yearly reports (never a patient identity), each actor
  // bounded to its own territories (ADMIN: all).
  "dashboards.view": ["ARS", "COORDINATOR", "ADMIN"],
  // Per-territory routing rules; a coordinator only for their own territories (lib/routing/update-rules.ts).
  "routing.rules.edit": ["COORDINATOR", "ADMIN"],
  // The notification centre (bell, list, preferences): everyone's own notifications.
  "notifications.read": ["GP", "COORDINATOR", "TEAM_MEMBER", "ARS", "ADMIN"],
  // /admin/envois: every outgoing message, its status and error, retry of a failed one.
  "notifications.deliveries": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(actor: { role: unknown } | null | undefined, permission: Permission): boolean {
  if (!actor || !isRole(actor.role)) return false;
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  return Array.isArray(allowed) && allowed.includes(actor.role);
}

export function assertCan(actor: { role: unknown } | null | undefined, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError("FORBIDDEN", "Vous n'avez pas accès à cette fonction.");
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  GP: "Médecin / professionnel adresseur",
  COORDINATOR: "Infirmier·e de coordination (IDEC)",
  TEAM_MEMBER: "Équipe de soins",
  ARS: "Agence régionale de santé",
  ADMIN: "Administrateur du dispositif",
};

// Where each role lands after signing in.
export const ROLE_HOME: Record<Role, string> = {
  GP: "/demandes",
  COORDINATOR: "/coordination",
  TEAM_MEMBER: "/equipe",
  ARS: "/ars",
  ADMIN: "/admin",
};
