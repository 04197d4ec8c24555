import type { TimelineEntry } from "@/lib/requests/timeline";
import { formatDateTime } from "@/lib/time";

// Notes worth a frame of their own: what the teams write for the GP and the closure summary.
const NOTE_LABELS: Record<string, string> = {
  FEEDBACK: "Retour pour le médecin",
  CLOSURE: "Synthèse de clôture",
  INTERVENTION: "Note d'intervention",
  COORDINATION: "Note de coordination",
};
const HIGHLIGHTED = new Set(["FEEDBACK", "CLOSURE"]);

/**
 * A request's history as people read it: when, who, what, and the note written with it. Entries
 * come from getRequestTimeline (already filtered for the reader's role), oldest first unless
 * `newestFirst`. No hooks: usable from server and client components alike.
 */
export function Timeline({
  entries,
  newestFirst = false,
  labelledBy,
  empty = "Aucun événement pour l'instant.",
}: {
  entries: TimelineEntry[];
  newestFirst?: boolean;
  labelledBy?: string;
  empty?: string;
}) {
  if (entries.length === 0) return <p className="text-slate-700">{empty}</p>;
  const ordered = newestFirst ? [...entries].reverse() : entries;
  return (
    <ol aria-labelledby={labelledBy} className="flex flex-col gap-0 border-l-2 border-slate-300 pl-0">
      {ordered.map((entry) => (
        <li key={entry.id} className="relative pb-5 pl-5 last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-white bg-brand-700" />
          <p className="text-sm text-slate-700">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, par </span>
            <span>{entry.actor}</span>
          </p>
          <p className="font-medium text-slate-900">{entry.text}</p>
          {entry.link ? (
            <p className="mt-1">
              <a href={entry.link.href} className="font-medium text-brand-700 underline">
                {entry.link.label}
              </a>
            </p>
          ) : null}
          {entry.note ? <TimelineNote kind={entry.note.kind} body={entry.note.body} /> : null}
        </li>
      ))}
    </ol>
  );
}

function TimelineNote({ kind, body }: { kind: string; body: string }) {
  const highlighted = HIGHLIGHTED.has(kind);
  return (
    <div className={`mt-2 rounded-md p-3 ${highlighted ? "border-l-4 border-brand-600 bg-brand-50" : "border border-slate-200 bg-white"}`}>
      <p className={`text-sm font-semibold ${highlighted ? "text-brand-800" : "text-slate-700"}`}>{NOTE_LABELS[kind] ?? "Note"}</p>
      <p className="mt-1 break-words whitespace-pre-line text-slate-900">{body}</p>
    </div>
  );
}
