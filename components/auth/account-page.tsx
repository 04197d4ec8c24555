import Link from "next/link";
import type { ReactNode } from "react";

// The frame of the pages reached without a session (invitation, forgotten password): the
// platform's name, the page's title, and the way back to the sign-in page.
export function AccountPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="contenu" className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-brand-800">Maillage</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{title}</h1>
      {intro ? <div className="mt-1 mb-6 text-slate-700">{intro}</div> : <div className="mb-6" />}
      {children}
      <p className="mt-8 border-t border-slate-300 pt-4">
        <Link href="/connexion" className="font-medium text-brand-700 underline">
          Retour à la connexion
        </Link>
      </p>
    </main>
  );
}
