import { describeResult, DISTRESS_PROBLEMS, GRID_INFO, gridSuggestions, SCREENING_GRIDS } from "@/lib/screening/grids";
import type { ScreeningRow } from "@/lib/screening/queries";
import { NEED_LABELS } from "@/lib/labels";
import { formatDateTime } from "@/lib/time";
import { TitledCard } from "@/components/ui/card";
import { ScreeningForm } from "@/components/screening/screening-form";

/**
 * « Grilles de repérage »: the latest result of each grid with its source and meaning, who filled
 * it and when, the earlier answers kept below; for the coordination (`request` given), what the
 * grids suggest — proposals she confirms with « Requalifier » — and a form per grid.
 */
export function ScreeningPanel({
  requestId,
  screenings,
  request,
}: {
  requestId: string;
  screenings: ScreeningRow[];
  request?: { needs: Parameters<typeof gridSuggestions>[1]["needs"]; urgency: "CRISIS" | "PLANNED"; open: boolean };
}) {
  const current = screenings.filter((s) => s.current);
  const earlier = screenings.filter((s) => !s.current);
  const suggestions = request
    ? gridSuggestions(
        current.map((s) => s.answers),
        request,
      )
    : [];
  return (
    <TitledCard level={3} title="Grilles de repérage" id="grilles-reperage">
      <div className="flex flex-col gap-3">
        {current.length === 0 ? (
          <p className="text-slate-700">Aucune grille remplie pour cette demande.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Résultats des grilles">
            {current.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-300 p-2 text-sm">
                <p className="font-semibold text-slate-900">{describeResult(s.answers)}</p>
                {s.answers.grid === "DISTRESS" && s.answers.answers.problems.length > 0 ? (
                  <p className="text-slate-800">Problèmes : {s.answers.answers.problems.map((p) => DISTRESS_PROBLEMS[p].toLowerCase()).join(", ")}</p>
                ) : null}
                <p className="text-slate-700">
                  Rempli par {s.recordedBy} le {formatDateTime(s.recordedAt)}. {GRID_INFO[s.answers.grid].source}
                </p>
              </li>
            ))}
          </ul>
        )}
        {suggestions.length > 0 ? (
          <div className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-3 text-sm text-slate-900" role="note" aria-label="Ce que suggèrent les grilles">
            <p className="font-semibold">Ce que suggèrent les grilles (à confirmer avec « Requalifier la demande ») :</p>
            <ul className="list-disc pl-5">
              {suggestions.map((s) => (
                <li key={s.kind === "need" ? s.need : s.kind}>
                  {s.kind === "need"
                    ? `ajouter le besoin « ${NEED_LABELS[s.need]} » : ${s.reason}`
                    : `passer en urgence « crise » (délais de crise) : ${s.reason}`}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {earlier.length > 0 ? (
          <details>
            <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">Réponses précédentes ({earlier.length})</summary>
            <ul className="flex flex-col gap-1 text-sm text-slate-800">
              {earlier.map((s) => (
                <li key={s.id}>
                  {formatDateTime(s.recordedAt)} — {describeResult(s.answers)} ({s.recordedBy})
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {request?.open
          ? SCREENING_GRIDS.map((grid) => (
              <details key={grid} className="rounded-md border border-slate-300 px-3">
                <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">Remplir : {GRID_INFO[grid].title}</summary>
                <p className="mb-2 text-sm text-slate-700">{GRID_INFO[grid].source}</p>
                <div className="pb-3">
                  <ScreeningForm requestId={requestId} grid={grid} />
                </div>
              </details>
            ))
          : null}
      </div>
    </TitledCard>
  );
}
