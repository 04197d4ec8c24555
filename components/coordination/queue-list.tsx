import Link from "next/link";
import type { QueueItem } from "@/lib/requests/coordination-queries";
import { CHANNEL_LABELS, NEED_LABELS, requestNumberLabel } from "@/lib/labels";
import { StatusBadge, UrgencyBadge } from "@/components/requests/status-badge";
import { ClaimButton } from "@/components/coordination/claim-button";
import { DueLabel, OutsideBadge, ReorientBadge } from "@/components/coordination/due-label";

// The queue as a list of cards: one column on a phone, a compact row on a wide screen. A late
// request has a red edge and says "En retard" in its due line.
export function QueueList({ items, showTerritory }: { items: QueueItem[]; showTerritory: boolean }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Demandes à traiter">
      {items.map((item) => {
        const label = requestNumberLabel(item.number);
        const titleId = `demande-${item.id}`;
        return (
          <li key={item.id}>
            <article
              aria-labelledby={titleId}
              className={`grid gap-3 rounded-lg border bg-white p-4 shadow-sm sm:grid-cols-[1fr_auto] sm:items-center ${item.due.overdue ? "border-l-8 border-red-700" : "border-slate-300"}`}
            >
              <div className="flex min-w-0 flex-col gap-1.5">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 id={titleId} className="text-lg font-semibold">
                    <Link href={`/coordination/demandes/${item.id}`} className="text-brand-700 underline">
                      {label}
                    </Link>
                  </h3>
                  <UrgencyBadge urgency={item.urgency} />
                  <StatusBadge status={item.status} />
                  {item.needsReorientation ? <ReorientBadge /> : null}
                  {item.territoryName === null ? <OutsideBadge /> : null}
                </div>
                <p className="text-slate-900">{item.needs.map((n) => NEED_LABELS[n]).join(" · ")}</p>
                <p className="text-sm text-slate-700">
                  {item.communeName}
                  {showTerritory && item.territoryName ? ` — ${item.territoryName}` : ""} · {CHANNEL_LABELS[item.channel]} ·{" "}
                  {item.ownerName ? `Suivie par ${item.ownerName}` : "Non attribuée"}
                </p>
                <p className="text-sm">
                  <DueLabel due={item.due} />
                </p>
              </div>
              {item.status === "SUBMITTED" && item.territoryName !== null ? <ClaimButton requestId={item.id} numberLabel={label} /> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
