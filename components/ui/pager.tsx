import Link from "next/link";

// Below a list read by pages (lib/pagination.ts): back to its first page, or on to the next one.
export function Pager({ label, firstHref, nextHref }: { label: string; firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  const link = "inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap gap-3">
      {firstHref ? (
        <Link href={firstHref} className={link}>
          <span aria-hidden="true">«&nbsp;</span>Début de la liste
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className={link}>
          Page suivante<span aria-hidden="true">&nbsp;»</span>
        </Link>
      ) : null}
    </nav>
  );
}
