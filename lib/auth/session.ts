import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/auth/load-actor";

// The signed-in actor, from the database (not from the cookie), or null. Cached per request: the
// layout and the page share one lookup.
export const getCurrentUser = cache(async function getCurrentUser(): Promise<Actor | null> {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: unknown; sid?: unknown } | undefined;
  if (typeof user?.id !== "string" || typeof user.sid !== "string") return null;
  return loadActor({ id: user.id, sessionId: user.sid });
});

// For pages and server actions: the actor, or a redirect to the sign-in page.
export async function requireUser(callbackPath?: string): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) {
    redirect(callbackPath ? `/connexion?callbackUrl=${encodeURIComponent(callbackPath)}` : "/connexion");
  }
  return actor;
}
