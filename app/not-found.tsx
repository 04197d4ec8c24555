import Link from "next/link";

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-xl flex-1 px-4 py-10">
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-2 text-slate-700">Cette page n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        Revenir à mon accueil
      </Link>
    </main>
  );
}
