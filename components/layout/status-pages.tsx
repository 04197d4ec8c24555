import Link from "next/link";

// The 403 and 404 messages. Inside the app shell (forbidden() and notFound() from a signed-in
// page) they sit in the shell's <main>; a second <main> there was two main landmarks, one inside
// the other (axe: landmark-no-duplicate-main, landmark-main-is-top-level).
export function ForbiddenMessage() {
  return (
    <div className="mx-auto max-w-xl py-6">
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-2 text-slate-700">
        Votre rôle ne donne pas accès à cette page. Si vous pensez que c&apos;est une erreur, contactez l&apos;administrateur du dispositif.
      </p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Revenir à mon accueil
      </Link>
    </div>
  );
}

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl py-6">
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-2 text-slate-700">Cette page n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Revenir à mon accueil
      </Link>
    </div>
  );
}
