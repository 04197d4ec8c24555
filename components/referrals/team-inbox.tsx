import Link from "next/link";
import type { ReactNode } from "react";
import type { InboxItem } from "@/lib/referrals/team-queries";
import { timeAgo } from "@/lib/referrals/team-queries";
import { formatDateTime } from "@/lib/time";
import { NEED_LABELS, REQUEST_STATUS_LABELS, requestNumberLabel } from "@/lib/labels";
import { UrgencyBadge } from "@/components/requests/status-badge";
import { ReferralStatusBadge } from "@/components/referrals/referral-status-badge";

// One section of the team's inbox: a heading with its count, then one card per referral. The
// request number is the link (its accessible name), everything else is read at a glance.
export function InboxSection({
  id,
  title,
  items,
  empty,
  now,
  showStructure,
  when,
  count = items.length,
  children,
}: {
  id: string;
  title: string;
  items: InboxItem[];
  empty: string;
  now: Date;
  showStructure: boolean;
  when: "proposed" | "updated";
  /** The whole list's size when `items` is one page of it. */
  count?: number;
  /** Below the list: its pages. */
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-xl font-semibold text-slate-900">
        {title} <span className="text-base font-normal text-slate-700">({count})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {items.map((item) => (
            <li key={item.id}>
              <InboxCard item={item} now={now} showStructure={showStructure} when={when} />
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function InboxCard({ item, now, showStructure, when }: { item: InboxItem; now: Date; showStructure: boolean; when: "proposed" | "updated" }) {
  const closed = item.request.status === "CLOSED" || item.request.status === "CANCELLED";
  const at = when === "proposed" ? item.proposedAt : item.updatedAt;
  return (
    <article
      className={`rounded-lg border bg-white p-4 ${item.request.urgency === "CRISIS" && item.status === "PROPOSED" ? "border-l-4 border-red-700" : "border-slate-300"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/equipe/orientations/${item.id}`} className="text-lg font-semibold text-brand-700 underline">
          {requestNumberLabel(item.request.number)}
        </Link>
        <UrgencyBadge urgency={item.request.urgency} />
        <ReferralStatusBadge status={item.status} />
        {closed ? <span className="text-sm text-slate-700">Demande {REQUEST_STATUS_LABELS[item.request.status].toLowerCase()}</span> : null}
      </div>
      <p className="mt-2 text-slate-900">{item.needs.map((n) => NEED_LABELS[n]).join(" · ")}</p>
      <p className="mt-1 text-sm text-slate-700">
        {item.request.communeName}
        <span aria-hidden="true"> · </span>
        <span className="sr-only">, </span>
        {when === "proposed" ? "proposée " : "mise à jour "}
        <time dateTime={at.toISOString()} title={formatDateTime(at)}>
          {timeAgo(at, now)}
        </time>
        {showStructure ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, </span>
            {item.structureName}
          </>
        ) : null}
      </p>
    </article>
  );
}
