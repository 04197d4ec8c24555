import Link from "next/link";
import type { JournalEntry } from "@/lib/journal/search-journal";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/card";

export function JournalTable({ entries }: { entries: JournalEntry[] }) {
  return (
    // Scrolls sideways on a phone: focusable, so that the keyboard can scroll it too.
    <Card as="div" padding="none" role="region" aria-label="Événements du journal" tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Événements, du plus récent au plus ancien</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">
              Date et heure
            </th>
            <th scope="col" className="p-2">
              Personne
            </th>
            <th scope="col" className="p-2">
              Action
            </th>
            <th scope="col" className="p-2">
              Objet
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">{formatDateTime(e.at)}</td>
              <td className="p-2">
                {e.actor ? (
                  <>
                    <span className="font-medium">{e.actor.name}</span>
                    <br />
                    <span className="text-slate-700">
                      {e.actor.email} · {e.actor.role}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-700">Système ou formulaire public</span>
                )}
              </td>
              <td className="p-2">{e.label}</td>
              <td className="p-2">
                {e.subject.requestNumber ? (
                  <Link href={`/admin/journal?numero=${encodeURIComponent(e.subject.requestNumber)}`} className="text-brand-700 underline">
                    Demande {e.subject.requestNumber}
                  </Link>
                ) : e.subject.type ? (
                  <span className="text-slate-700">{SUBJECT_LABELS[e.subject.type] ?? e.subject.type}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

const SUBJECT_LABELS: Record<string, string> = { user: "Compte", structure: "Structure", territory: "Territoire", request: "Demande" };
