import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/authz/permissions";
import type { Actor } from "@/lib/authz/actor";

// The first line of every protected page and server action: signed in (else sign-in page), and
// allowed by the permission table (else 403). Row scopes are then applied by the domain queries.
export async function requirePermission(permission: Permission, callbackPath?: string): Promise<Actor> {
  const actor = await requireUser(callbackPath);
  if (!can(actor, permission)) forbidden();
  return actor;
}
