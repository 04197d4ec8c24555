import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listAllTerritories } from "@/lib/territories/queries";
import { PublicContactForm } from "@/components/requests/public-contact-form";

export const metadata: Metadata = { title: "Demander de l'aide" };

// Public: no account, no session read. Patients, relatives and carers ask to be called back.
export default async function PublicContactPage() {
  await connection(); // the territories' numbers are read at each request, not at build time
  const territories = (await listAllTerritories()).map(({ id, name, publicPhone }) => ({ id, name, publicPhone }));
  return (
    <>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-xl font-bold tracking-tight">Maillage</p>
          <Link href="/connexion" className="inline-block min-h-11 py-3 text-sm font-medium text-white underline">
            Espace professionnels
          </Link>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Demander de l&apos;aide</h1>
        <div className="mt-2 mb-6 max-w-2xl space-y-2 text-slate-700">
          <p>
            Vous êtes malade, ou vous accompagnez un proche gravement malade à domicile : douleur, fatigue de l&apos;aidant, soins palliatifs, démarches…
            Laissez vos coordonnées : une infirmière de coordination de votre territoire vous rappelle et cherche avec vous la bonne aide.
          </p>
          <p className="font-medium text-slate-900">En cas d&apos;urgence vitale, appelez le 15 (ou le 112).</p>
        </div>
        <PublicContactForm territories={territories} />
      </main>
    </>
  );
}
