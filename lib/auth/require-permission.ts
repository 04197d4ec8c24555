import { forbidden } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/authz/permissions";
import type { Actor } from "@/lib/authz/actor";

// The first line of every protected page and server action: signed in (else sign-in page), and
// allowed by the permission table (else 403). Row scopes are then applied by the domain queries.
export async function requirePermission(permission: Permission, callbackPath?: string): Promise<Actor> {
  const actor = await requireUser(callbackPath);
  if (!can(actor, permission)) forbidden();
  return actor;
}

export type ApiAccess = { actor: Actor; refused?: never } | { actor?: never; refused: Response };

const REFUSALS = {
  401: { title: "Connexion requise", text: "Connectez-vous pour accéder à cette fonction." },
  403: { title: "Accès refusé", text: "Vous n'avez pas accès à cette fonction." },
} as const;

/**
 * The first line of every route handler (they do not go through layouts): the actor, or the
 * answer to send back — 401 when signed out, 403 when the role does not allow it — the same
 * everywhere: JSON `{ error }` under /api, a French page otherwise (a download link opened in the
 * browser).
 *
 *   const access = await requireApiPermission(request, "directory.import");
 *   if (access.refused) return access.refused;
 */
export async function requireApiPermission(request: Request, permission: Permission): Promise<ApiAccess> {
  const actor = await getCurrentUser();
  if (actor && can(actor, permission)) return { actor };
  return { refused: refusal(request, actor ? 403 : 401) };
}

function refusal(request: Request, status: 401 | 403): Response {
  const { title, text } = REFUSALS[status];
  const headers = { "Cache-Control": "no-store" };
  if (new URL(request.url).pathname.startsWith("/api/")) return Response.json({ error: text }, { status, headers });
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Maillage</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2.5rem auto; padding: 0 1rem"><main><h1>${title}</h1><p>${text}</p><p><a href="${status === 401 ? "/connexion" : "/"}">${status === 401 ? "Se connecter" : "Revenir à mon accueil"}</a></p></main></body></html>`;
  return new Response(page, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
