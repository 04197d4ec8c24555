"use client";
// What a user sees when a page fails on the server: French, no stack trace, no English message
// (Next passes only a digest to the browser in production), a retry and a way home. The digest
// is the key to the server's log line, for the support team.
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <main id="contenu" className="mx-auto max-w-xl flex-1 px-4 py-10">
      <h1 className="text-2xl font-bold">Une erreur est survenue</h1>
      <p className="mt-2 text-slate-700">
        La page n&apos;a pas pu s&apos;afficher. Rien de ce que vous aviez déjà enregistré n&apos;est perdu. Réessayez dans un instant ; si le problème
        persiste, contactez l&apos;administrateur du dispositif.
      </p>
      {digest ? <p className="mt-2 text-sm text-slate-600">Référence de l&apos;incident : {digest}</p> : null}
      <div className="mt-4 flex flex-wrap gap-4">
        <Button type="button" onClick={retry}>
          Réessayer
        </Button>
        <Link href="/" className="inline-block self-center font-medium text-brand-700 underline">
          Revenir à mon accueil
        </Link>
      </div>
    </main>
  );
}
