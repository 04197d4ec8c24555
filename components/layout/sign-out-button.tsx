"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/connexion?deconnecte=1" })}
      className="min-h-11 rounded-md border border-white/70 px-3 py-2 text-sm font-medium text-white hover:bg-white/10"
    >
      Se déconnecter
    </button>
  );
}
