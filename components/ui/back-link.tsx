import Link from "next/link";
import type { ReactNode } from "react";

// « ← Mes demandes »: the way back to the list a page was opened from, above its title.
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="font-medium text-brand-700 underline">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
