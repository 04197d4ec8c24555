import type { Role } from "@/lib/authz/permissions";

// Who is acting, as the server knows it (loaded from the database at each request, never trusted
// from the browser): the role and the memberships that bound every row-level query.
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  territoryIds: string[];
  /** The départements of those territories (lib/geography/queries.ts departmentsOfTerritories). */
  departmentCodes: string[];
  structureIds: string[];
  /** The server-side session of this request (lib/auth/sessions.ts), when it came through one. */
  sessionId?: string;
};
