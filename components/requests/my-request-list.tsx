import Link from "next/link";
import type { MyRequestListItem } from "@/lib/requests/gp-queries";
import { NEED_LABELS, requestNumberLabel } from "@/lib/labels";
import { formatDateTime } from "@/lib/time";
import { StatusBadge, UrgencyBadge } from "@/components/requests/status-badge";
import { DueLabel } from "@/components/coordination/due-label";
import { Card } from "@/components/ui/card";

// "Mes demandes": one card per request (a table would not fit a phone), newest first.
export function MyRequestList({ items }: { items: MyRequestListItem[] }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Mes demandes d'appui">
      {items.map((r) => (
        <Card as="li" key={r.id} className="shadow-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <Link href={`/demandes/${r.id}`} className="text-lg font-semibold text-brand-700 underline">
              {requestNumberLabel(r.number)} — {r.patientName ?? "Patient non identifié"}
            </Link>
            <span className="flex flex-wrap gap-2">
              {r.hasNews ? (
                <span
                  className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900"
                  title="Nouvelle étape depuis votre dernière consultation"
                >
                  Nouveau<span className="sr-only"> : nouvelle étape depuis votre dernière consultation</span>
                </span>
              ) : null}
              <UrgencyBadge urgency={r.urgency} />
              <StatusBadge status={r.status} />
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-700">{r.needs.map((n) => NEED_LABELS[n]).join(" · ")}</p>
          {r.due.kind === "triage" || r.due.kind === "contact" ? (
            <p className="mt-1 text-sm">
              <DueLabel due={r.due} />
            </p>
          ) : null}
          {r.lastEvent ? (
            <p className="mt-2">
              <span className="sr-only">Dernière étape : </span>
              {r.lastEvent.text} <span className="text-sm whitespace-nowrap text-slate-700">— {formatDateTime(r.lastEvent.at)}</span>
            </p>
          ) : null}
        </Card>
      ))}
    </ul>
  );
}
