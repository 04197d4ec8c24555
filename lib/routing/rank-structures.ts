// Pure, deterministic routing (issue 4): for each need of a request, the structures of the
// directory that can serve it, ranked, each with its reasons in French, and the ones left out with
// why. Same input, same output, whatever the order of `structures`.
//
// Cost: one pass over the structures; per need a Map lookup of the type and a scan of the
// structure's few offers; then, only for a structure concerned by some need, one Set lookup for
// coverage. Reasons are built only for the candidates and the kept exclusions, and an exclusion
// that will not be kept is turned away before any allocation, so a national directory (~20,000
// structures) stays cheap.
import type { Need } from "@/lib/generated/prisma/enums";
import {
  candidateFor,
  exclusionFor,
  FULL,
  INACTIVE,
  matchOffer,
  NOT_IN_RULES,
  NOT_OFFERED,
  OfferMatch,
  OUTSIDE_AREA,
  unmetReason,
  WRONG_AGE,
  type Context,
} from "@/lib/routing/explain";
import {
  CAPACITY_STALE_AFTER_DAYS,
  CHILD_AGE_LIMIT,
  type NeedRouting,
  type RoutingCandidate,
  type RoutingRequest,
  type RoutingRules,
  type RoutingStructure,
} from "@/lib/routing/types";

export { SCORE_POINTS } from "@/lib/routing/explain";

export const DEFAULT_MAX_EXCLUDED = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

// French order for names ("Équipe" sorts with "E"), numbers by value ("SSIAD 2" before "SSIAD 10").
const collator = new Intl.Collator("fr", { usage: "sort", sensitivity: "variant", numeric: true });

function compareNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Exclusion {
  structure: RoutingStructure;
  failures: number;
  /** Nearest misses first: structures covering the commune, then by number of reasons. */
  distance: number;
  offer: OfferMatch;
}

// A structure covering the commune with any number of problems is a nearer miss (one call may
// solve it) than one outside the area: coverage weighs more than all other reasons together.
function distanceOf(failures: number): number {
  let count = 0;
  for (let f = failures; f !== 0; f &= f - 1) count++;
  return (failures & OUTSIDE_AREA ? 16 : 0) + count;
}

function compareExclusion(distance: number, structure: RoutingStructure, kept: Exclusion): number {
  return distance - kept.distance || compareNameThenId(structure, kept.structure);
}

// Keeps the `max` nearest misses, sorted, without sorting them all: most structures are turned
// away by one integer comparison with the last kept, before anything is allocated.
function keepNearest(kept: Exclusion[], structure: RoutingStructure, failures: number, offer: OfferMatch, max: number): void {
  if (max <= 0) return;
  const distance = distanceOf(failures);
  const last = kept[kept.length - 1];
  if (kept.length >= max && last && compareExclusion(distance, structure, last) >= 0) return;
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareExclusion(distance, structure, kept[mid] as Exclusion) >= 0) low = mid + 1;
    else high = mid;
  }
  kept.splice(low, 0, { structure, failures, distance, offer });
  if (kept.length > max) kept.pop();
}

interface NeedAccumulator {
  need: Need;
  /** Type → position in the territory's list for (need, place of care). */
  typeRank: Map<string, number>;
  candidates: RoutingCandidate[];
  excluded: Exclusion[];
  excludedCount: number;
  /** Of which outside the area. */
  outsideCount: number;
}

export interface RankStructuresOptions {
  request: RoutingRequest;
  structures: readonly RoutingStructure[];
  rules: RoutingRules;
  /** Passed in, never read from the clock: capacity freshness is computed against it. */
  now: Date;
  /** How many exclusions to keep per need, nearest misses first (default 20). */
  maxExcluded?: number;
}

/**
 * Ranks the structures for each need of the request, in the order of `request.needs` (duplicates
 * dropped). A structure is considered for a need if its type is listed by the rules for that need
 * and place of care, or if it offers the need; a structure concerned by neither is ignored (it is
 * not an "exclusion" worth telling the nurse about).
 */
export function rankStructures({ request, structures, rules, now, maxExcluded = DEFAULT_MAX_EXCLUDED }: RankStructuresOptions): NeedRouting[] {
  const setting = request.placeOfCare;
  const context: Context = {
    request,
    crisis: request.urgency === "CRISIS",
    isChild: request.patientAge === null ? null : request.patientAge < CHILD_AGE_LIMIT,
    staleBefore: now.getTime() - CAPACITY_STALE_AFTER_DAYS * DAY_MS,
  };

  const accumulators: NeedAccumulator[] = [];
  for (const need of new Set(request.needs)) {
    const typeRank = new Map<string, number>();
    rules[need][setting].forEach((type, index) => {
      if (!typeRank.has(type)) typeRank.set(type, index);
    });
    accumulators.push({ need, typeRank, candidates: [], excluded: [], excludedCount: 0, outsideCount: 0 });
  }

  const childFlag = context.isChild === true ? "CHILD" : context.isChild === false ? "ADULT" : null;
  // Per need, for the structure in hand; reused across structures (no allocation in the loop).
  const ranks: (number | undefined)[] = accumulators.map(() => undefined);
  const offers: OfferMatch[] = accumulators.map(() => OfferMatch.None);
  for (const structure of structures) {
    // First what the structure's own fields say: a structure concerned by none of the needs is
    // dropped before the coverage lookup, the costliest step (a hash set per structure).
    let concerned = false;
    for (let i = 0; i < accumulators.length; i++) {
      const accumulator = accumulators[i] as NeedAccumulator;
      const rank = accumulator.typeRank.get(structure.type);
      const offer = matchOffer(structure, accumulator.need, setting);
      ranks[i] = rank;
      offers[i] = offer;
      if (rank !== undefined || offer !== OfferMatch.None) concerned = true;
    }
    if (!concerned) continue;

    // What does not depend on the need, once per structure.
    let common = structure.active ? 0 : INACTIVE;
    if (!structure.communeCodes.has(request.communeCode)) common |= OUTSIDE_AREA;
    if (childFlag !== null && structure.ageGroups.length > 0 && !structure.ageGroups.includes(childFlag)) common |= WRONG_AGE;
    if (structure.capacity === "FULL") common |= FULL;

    for (let i = 0; i < accumulators.length; i++) {
      const accumulator = accumulators[i] as NeedAccumulator;
      const rank = ranks[i];
      const offer = offers[i] as OfferMatch;
      if (rank === undefined && offer === OfferMatch.None) continue;
      let failures = common;
      if (rank === undefined) failures |= NOT_IN_RULES;
      if (offer === OfferMatch.None || offer === OfferMatch.Elsewhere) failures |= NOT_OFFERED;
      if (failures === 0) {
        accumulator.candidates.push(candidateFor(structure, accumulator.need, rank as number, offer, context));
      } else {
        accumulator.excludedCount++;
        if (failures & OUTSIDE_AREA) accumulator.outsideCount++;
        keepNearest(accumulator.excluded, structure, failures, offer, maxExcluded);
      }
    }
  }

  return accumulators.map((accumulator) => {
    const candidates = accumulator.candidates.sort(
      (a, b) => b.score - a.score || compareNameThenId({ name: a.name, id: a.structureId }, { name: b.name, id: b.structureId }),
    );
    const unmet = candidates.length === 0;
    return {
      need: accumulator.need,
      candidates,
      excluded: accumulator.excluded.map((e) => exclusionFor(e.structure, e.failures, e.offer, accumulator.need, context)),
      excludedCount: accumulator.excludedCount,
      unmet,
      unmetReason: unmet
        ? unmetReason(accumulator.need, request, {
            typesInRules: accumulator.typeRank.size,
            excluded: accumulator.excludedCount,
            outside: accumulator.outsideCount,
          })
        : null,
    };
  });
}
