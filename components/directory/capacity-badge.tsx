import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CAPACITY_LABELS } from "@/lib/directory/labels";
import { formatDate } from "@/lib/time";

type Status = keyof typeof CAPACITY_LABELS;

const TONES: Record<Status, BadgeTone> = {
  AVAILABLE: "good",
  WAITING_LIST: "waiting",
  FULL: "danger",
  ASSESSMENT_FIRST: "info",
};

/** Past this many days, a confirmation is said to be old (the routing says the same). */
export const CAPACITY_STALE_DAYS = 30;

/**
 * "Liste d'attente depuis le 12/11/2026 · confirmée le 20/11/2026": the status a GP reads before
 * calling, and how fresh it is. An old or missing confirmation is said in words, not only colour.
 */
export function CapacityBadge({ status, since, confirmedAt, now }: { status: Status; since: Date | null; confirmedAt: Date | null; now: Date }) {
  const stale = !confirmedAt || now.getTime() - confirmedAt.getTime() > CAPACITY_STALE_DAYS * 24 * 3600_000;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <Badge tone={TONES[status]}>
        {CAPACITY_LABELS[status]}
        {since && status !== "AVAILABLE" ? ` depuis le ${formatDate(since)}` : ""}
      </Badge>
      <span className={stale ? "font-medium text-amber-900" : "text-slate-700"}>
        {confirmedAt ? `confirmée le ${formatDate(confirmedAt)}` : "jamais confirmée"}
        {confirmedAt && stale ? ` (plus de ${CAPACITY_STALE_DAYS} jours)` : ""}
      </span>
    </p>
  );
}
