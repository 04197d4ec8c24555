import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/authz/actor";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { navItemsFor } from "@/components/layout/nav-items";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/components/notifications/bell";

export function AppShell({ actor, unread = 0, children }: { actor: Actor | null; unread?: number; children: ReactNode }) {
  const items = actor ? navItemsFor(actor) : [];
  return (
    <>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-xl font-bold tracking-tight">
            Maillage
          </Link>
          {actor ? (
            <div className="flex flex-wrap items-center gap-3">
              <NotificationBell unread={unread} />
              <p className="text-sm leading-tight">
                <Link href="/profil" className="block font-semibold underline" data-testid="current-user">
                  {actor.name}
                </Link>
                <span className="block" data-testid="current-role">
                  {ROLE_LABELS[actor.role]}
                </span>
              </p>
              <SignOutButton />
            </div>
          ) : null}
        </div>
        {items.length > 0 ? (
          <nav aria-label="Navigation principale" className="bg-brand-700">
            <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="inline-block min-h-11 px-3 py-3 text-sm font-medium text-white hover:bg-brand-800">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </>
  );
}
