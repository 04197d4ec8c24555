import { Badge } from "@/components/ui/badge";
import type { Due } from "@/lib/requests/coordination-queue";
import { formatDateTime, formatDayDateTime } from "@/lib/time";
import { DUE_CLOCK_PHRASES, DUE_WHAT as WHAT, dueSentence } from "@/lib/requests/promise-wording";

// What is due and by when, in the words the GP was given (lib/requests/promise-wording.ts); a late
// item says "En retard" (not colour alone).
export function DueLabel({ due }: { due: Due }) {
  if (due.kind === "none") return <span className="text-slate-700">Pas de délai fixé</span>;
  if (due.kind === "contacted") return <span className="text-slate-700">Premier contact le {formatDateTime(due.at)}</span>;
  if (due.overdue) {
    return (
      <span className="font-semibold text-red-800">
        <span className="mr-1 inline-block rounded border border-red-700 bg-red-50 px-1.5 text-sm">En retard</span>
        {WHAT[due.kind]} attendu{due.kind === "triage" ? "e" : ""} depuis le {formatDayDateTime(due.at)} ({DUE_CLOCK_PHRASES[due.clock]})
      </span>
    );
  }
  return <span className="text-slate-800">{dueSentence(due.kind, due.at, due.clock)}</span>;
}

export function ReorientBadge() {
  return <Badge tone="waiting">À réorienter</Badge>;
}

/** A request from a commune no territory covers: nobody received it until a coordinator gives it one. */
export function OutsideBadge() {
  return <Badge tone="danger">Hors territoire</Badge>;
}
