import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="contenu" className="mx-auto max-w-xl flex-1 px-4 py-10">
      <h1 className="text-2xl font-bold">Accès refusé</h1>
      <p className="mt-2 text-slate-700">Votre rôle ne donne pas accès à cette page. Si vous pensez que c&apos;est une erreur, contactez l&apos;administrateur du dispositif.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Revenir à mon accueil
      </Link>
    </main>
  );
}
