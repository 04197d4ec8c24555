import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { NEED_LABELS, PLACE_OF_CARE_LABELS } from "@/lib/labels";
import type { NeedSuggestions, RequestSuggestions, SuggestedCandidate } from "@/lib/routing/suggest-for-request";
import { telHref } from "@/components/requests/territory-delays";
import { OrientSuggestion } from "@/components/routing/orient-suggestion";
import { Card } from "@/components/ui/card";

type Ref = { requestId: string; version: number; canOrient: boolean };

const typeLabel = (type: string) => STRUCTURE_TYPE_LABELS[type] ?? type;

/** The structures the page offers first (one click, no reason): for the orient form's hints. */
export function topSuggestionIds(suggestions: RequestSuggestions): Set<string> {
  return new Set(suggestions.needs.flatMap((need) => need.candidates.filter((c) => c.top).map((c) => c.structureId)));
}

export function canOrientFrom(status: RequestSuggestions["status"]): boolean {
  return status === "TRIAGE" || status === "ORIENTED" || status === "IN_CARE";
}

function Candidate({ candidate, need, refs }: { candidate: SuggestedCandidate; need: string; refs: Ref }) {
  const id = `suggestion-${need}-${candidate.structureId}`;
  return (
    <li>
      <article aria-labelledby={`${id}-nom`} className={`rounded-md border p-3 ${candidate.top ? "border-brand-600 bg-white" : "border-slate-300 bg-white"}`}>
        <p className="text-sm font-medium text-brand-800">{candidate.rank === 1 ? "1re suggestion" : `${candidate.rank}e suggestion`}</p>
        <h4 id={`${id}-nom`} className="font-semibold text-slate-900">
          {candidate.name}
        </h4>
        <p className="text-sm text-slate-700">
          {typeLabel(candidate.type)}
          {candidate.phone ? (
            <>
              {" · "}
              <a href={telHref(candidate.phone)} className="whitespace-nowrap text-brand-700 underline">
                {candidate.phone}
              </a>
            </>
          ) : null}
          {candidate.administeredElsewhere ? <span className="block">Structure du territoire {candidate.administeredElsewhere}</span> : null}
        </p>
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-900" aria-label={`Pourquoi ${candidate.name}`}>
          {candidate.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {refs.canOrient ? (
          <OrientSuggestion
            requestId={refs.requestId}
            version={refs.version}
            structureId={candidate.structureId}
            structureName={candidate.name}
            needsReason={!candidate.top}
            hasActiveReferral={candidate.hasActiveReferral}
            idPrefix={id}
          />
        ) : candidate.hasActiveReferral ? (
          <p className="mt-2 font-medium text-slate-800">Orientation en cours vers cette structure.</p>
        ) : null}
      </article>
    </li>
  );
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

function UnmetNeed({ reason, id }: { reason: string | null; id: string }) {
  return (
    <div role="note" aria-labelledby={`${id}-titre`} className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p id={`${id}-titre`} className="font-semibold">
        Besoin non couvert
      </p>
      {reason ? <p className="mt-1">{sentence(reason)}</p> : null}
      <p className="mt-1 text-sm">
        Enregistré comme besoin non couvert du territoire (compté pour l&apos;agence régionale de santé). Vous pouvez orienter vers une structure du territoire
        en indiquant le motif, ou chercher une solution hors annuaire.
      </p>
    </div>
  );
}

function NeedBlock({ need, refs }: { need: NeedSuggestions; refs: Ref }) {
  const id = `besoin-${need.need}`;
  const label = NEED_LABELS[need.need];
  const top = need.candidates.filter((c) => c.top);
  const further = need.candidates.filter((c) => !c.top);
  const hidden = need.excludedCount - need.excluded.length;
  return (
    <section aria-labelledby={`${id}-titre`} className="rounded-lg border border-slate-300 bg-slate-50 p-3 sm:p-4">
      <h3 id={`${id}-titre`} className="mb-2 text-lg font-semibold">
        {label}
      </h3>
      {need.unmet ? (
        <UnmetNeed reason={need.unmetReason} id={`${id}-non-couvert`} />
      ) : (
        <ol className="flex flex-col gap-3" aria-label={`Suggestions pour : ${label}`}>
          {top.map((candidate) => (
            <Candidate key={candidate.structureId} candidate={candidate} need={need.need} refs={refs} />
          ))}
        </ol>
      )}
      {further.length > 0 ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">
            {further.length === 1 ? "Une autre structure possible" : `${further.length} autres structures possibles`} (motif demandé)
          </summary>
          <ol className="mt-2 flex flex-col gap-3" aria-label={`Autres structures possibles pour : ${label}`}>
            {further.map((candidate) => (
              <Candidate key={candidate.structureId} candidate={candidate} need={need.need} refs={refs} />
            ))}
          </ol>
        </details>
      ) : null}
      {need.excludedCount > 0 ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800">
            Pourquoi pas les autres ? ({need.excludedCount === 1 ? "1 structure écartée" : `${need.excludedCount} structures écartées`})
          </summary>
          <ul className="mt-2 flex flex-col gap-2 text-sm">
            {need.excluded.map((excluded) => (
              <li key={excluded.structureId} className="rounded-md border border-slate-300 bg-white p-2">
                <span className="font-medium text-slate-900">{excluded.name}</span> <span className="text-slate-700">({typeLabel(excluded.type)})</span>
                <span className="block text-slate-900">{excluded.reasons.join(" ; ")}</span>
              </li>
            ))}
            {hidden > 0 ? (
              <li className="text-slate-700">
                {hidden === 1 ? "Et une autre structure, plus éloignée du besoin." : `Et ${hidden} autres structures, plus éloignées du besoin.`}
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

// The routing of the request, need by need: what the platform suggests and why, what it left out
// and why, and the needs nobody can serve.
export function RoutingSuggestions({ suggestions, requestId, version }: { suggestions: RequestSuggestions; requestId: string; version: number }) {
  const refs: Ref = { requestId, version, canOrient: canOrientFrom(suggestions.status) };
  if (!suggestions.routed) {
    if (suggestions.unmetNeeds.length === 0) return null;
    return (
      <Card aria-labelledby="suggestions-titre">
        <h2 id="suggestions-titre" className="mb-2 text-lg font-semibold">
          Besoins non couverts
        </h2>
        <p>Enregistrés pour le territoire : {suggestions.unmetNeeds.map((need) => NEED_LABELS[need].toLowerCase()).join(", ")}.</p>
      </Card>
    );
  }
  return (
    <Card padding="compact" aria-labelledby="suggestions-titre">
      <h2 id="suggestions-titre" className="text-lg font-semibold">
        Suggestions d&apos;orientation
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        Pour un patient de {suggestions.communeName}, {PLACE_OF_CARE_LABELS[suggestions.placeOfCare].toLowerCase()}
        {suggestions.urgency === "CRISIS" ? ", en situation de crise (la disponibilité prime)" : ""}, selon l&apos;annuaire et{" "}
        {suggestions.rulesCustomized ? "les règles d'orientation du territoire" : "les règles d'orientation par défaut"}. Les {suggestions.topSuggestions}{" "}
        premières suggestions de chaque besoin s&apos;orientent en un clic ; pour toute autre structure, un motif est demandé.
      </p>
      {refs.canOrient ? null : suggestions.status === "SUBMITTED" ? (
        <p className="mb-3 font-medium text-slate-800">Prenez en charge la demande pour orienter.</p>
      ) : null}
      <div className="flex flex-col gap-4">
        {suggestions.needs.map((need) => (
          <NeedBlock key={need.need} need={need} refs={refs} />
        ))}
      </div>
    </Card>
  );
}
