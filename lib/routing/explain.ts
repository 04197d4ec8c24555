// How one structure is explained for one need: its score and reasons as a candidate, or why it
// is left out, in French words the nurse can check against the directory; and why a need has
// no one. rank-structures.ts decides who is a candidate; this file only says it.
import type { Need, PlaceOfCare } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/time";
import { capacityFreshness, NEED_PHRASES, ordinal, SETTING_PHRASES, toPhrase, toPlace } from "@/lib/routing/phrases";
import type { CapacityStatus, RoutingCandidate, RoutingExclusion, RoutingRequest, RoutingStructure } from "@/lib/routing/types";

/**
 * The score, in points. Two regimes, on purpose:
 * - PLANNED: the territory's order of types wins. A rank step (20) is larger than everything
 *   capacity can add or remove (at most 17), so capacity and freshness only order structures of
 *   the same type.
 * - CRISIS (answer within 24-48 h, domain.md): capacity wins. An available structure passes a
 *   better-ranked one on a waiting list, and a fresh confirmation passes a stale one.
 * For a child, a team dedicated to children (ERRSPP) comes first in planned care (+100 exceeds
 * the whole rank range); in a crisis an available team can still pass a paediatric waiting list.
 */
export const SCORE_POINTS = {
  /** By the type's position in the rules list: 1st, 2nd, 3rd, 4th, 5th and beyond. */
  rank: [100, 80, 60, 40, 20],
  capacity: {
    PLANNED: { AVAILABLE: 5, ASSESSMENT_FIRST: 0, WAITING_LIST: -5 },
    CRISIS: { AVAILABLE: 40, ASSESSMENT_FIRST: 10, WAITING_LIST: -50 },
  },
  staleCapacity: { PLANNED: -2, CRISIS: -25 },
  /** Crisis only: someone answers at night and at the weekend. */
  onCall24hInCrisis: 10,
  /** The place of care is "other" and the structure did not say it goes there. */
  settingToConfirm: -5,
  childDedicatedTeam: 100,
  /** A positive PALLIA-10: a specialised palliative team passes every other (rank, capacity, age). */
  palliativeScreening: 300,
} as const;

/** The specialised palliative teams a positive PALLIA-10 calls for (SFAP): EMSP, HAD, palliative network. */
export const SPECIALISED_PALLIATIVE_TYPES: ReadonlySet<string> = new Set(["EMSP", "HAD", "PALLIATIVE_NETWORK"]);

// Why a structure is left out; several may apply, all are told.
export const OUTSIDE_AREA = 1;
export const INACTIVE = 2;
export const NOT_IN_RULES = 4;
export const NOT_OFFERED = 8;
export const WRONG_AGE = 16;
export const FULL = 32;

// How a structure's offer matches (need, place of care).
export const OfferMatch = {
  /** Does not offer the need at all. */
  None: 0,
  /** Offers it in this place of care. */
  Exact: 1,
  /** Place of care OTHER: offers it elsewhere, may well go there. */
  ToConfirm: 2,
  /** Offers it, but not in this place of care. */
  Elsewhere: 3,
} as const;
export type OfferMatch = (typeof OfferMatch)[keyof typeof OfferMatch];

export function matchOffer(structure: RoutingStructure, need: Need, setting: PlaceOfCare): OfferMatch {
  let match: OfferMatch = OfferMatch.None;
  for (const offer of structure.offers) {
    if (offer.need !== need || offer.settings.length === 0) continue;
    if (offer.settings.includes(setting)) return OfferMatch.Exact;
    // "Other" places (foyer, residence...) have no box of their own in most directories:
    // flexible routing (GPs' wish 7, domain.md) rather than exclusion on a box nobody ticks.
    match = setting === "OTHER" ? OfferMatch.ToConfirm : OfferMatch.Elsewhere;
  }
  return match;
}

export interface Context {
  request: RoutingRequest;
  crisis: boolean;
  isChild: boolean | null;
  staleBefore: number;
}

function isStale(structure: RoutingStructure, context: Context): boolean {
  return structure.capacityConfirmedAt === null || structure.capacityConfirmedAt.getTime() < context.staleBefore;
}

function offerPhrase(structure: RoutingStructure, need: Need, setting: PlaceOfCare, match: OfferMatch): string {
  if (match === OfferMatch.Exact) return `propose ${NEED_PHRASES[need]} ${SETTING_PHRASES[setting]}`;
  const where = structure.offers
    .filter((o) => o.need === need)
    .flatMap((o) => o.settings)
    .filter((s, i, all) => all.indexOf(s) === i)
    .map((s) => SETTING_PHRASES[s])
    .join(", ");
  return `propose ${NEED_PHRASES[need]} (${where}) : intervention dans ce lieu de soins à confirmer`;
}

export function candidateFor(structure: RoutingStructure, need: Need, rank: number, match: OfferMatch, context: Context): RoutingCandidate {
  const { request, crisis, isChild } = context;
  const urgency = crisis ? "CRISIS" : "PLANNED";
  const reasons = [`couvre ${request.communeName}`, offerPhrase(structure, need, request.placeOfCare, match)];
  let score = SCORE_POINTS.rank[Math.min(rank, SCORE_POINTS.rank.length - 1)] ?? 0;
  reasons.push(
    rank === 0 ? "type prioritaire pour ce besoin (1er choix du territoire)" : `type retenu pour ce besoin (${ordinal(rank + 1)} choix du territoire)`,
  );
  if (match === OfferMatch.ToConfirm) score += SCORE_POINTS.settingToConfirm;

  const childOnly = structure.ageGroups.length > 0 && !structure.ageGroups.includes("ADULT");
  if (isChild === true && childOnly) {
    score += SCORE_POINTS.childDedicatedTeam;
    reasons.push("équipe dédiée aux enfants (priorité pour un enfant)");
  } else if (isChild === true && structure.ageGroups.includes("CHILD")) {
    reasons.push("accueille les enfants");
  } else if (isChild === null && childOnly) {
    reasons.push("réservée aux enfants : âge du patient non renseigné, à vérifier");
  }

  if (request.pallia10Positives && SPECIALISED_PALLIATIVE_TYPES.has(structure.type)) {
    score += SCORE_POINTS.palliativeScreening;
    reasons.push(`PALLIA-10 à ${request.pallia10Positives} « oui » sur 10 (plus de 3) : équipe spécialisée en soins palliatifs, proposée en premier`);
  }

  // FULL never reaches here: it is an exclusion.
  const capacity = structure.capacity as Exclude<CapacityStatus, "FULL">;
  score += SCORE_POINTS.capacity[urgency][capacity];
  const since = structure.capacitySince ? ` depuis le ${formatDate(structure.capacitySince)}` : "";
  if (capacity === "AVAILABLE") reasons.push(`disponible${since}`);
  else if (capacity === "ASSESSMENT_FIRST") reasons.push("évaluation préalable demandée");
  else reasons.push(`liste d'attente${since}${crisis ? " : délai peu compatible avec une situation de crise" : ""}`);

  const stale = isStale(structure, context);
  if (stale) score += SCORE_POINTS.staleCapacity[urgency];
  reasons.push(capacityFreshness(structure.capacityConfirmedAt, stale));

  if (crisis && structure.onCall24h) {
    score += SCORE_POINTS.onCall24hInCrisis;
    reasons.push("astreinte 24 h/24");
  }
  return { structureId: structure.id, name: structure.name, type: structure.type, score, reasons };
}

export function exclusionFor(structure: RoutingStructure, failures: number, offer: OfferMatch, need: Need, context: Context): RoutingExclusion {
  const { request } = context;
  const setting = request.placeOfCare;
  const reasons: string[] = [];
  if (failures & INACTIVE) reasons.push("inactive");
  if (failures & OUTSIDE_AREA) reasons.push(`ne couvre pas ${request.communeName}`);
  if (failures & NOT_IN_RULES) reasons.push("ce type de structure ne sert pas ce besoin selon les règles du territoire");
  if (failures & NOT_OFFERED) {
    if (offer === OfferMatch.None) reasons.push(`ne propose pas ${NEED_PHRASES[need]}`);
    else if (structure.offers.some((o) => o.settings.includes(setting))) reasons.push(`ne propose pas ${NEED_PHRASES[need]} ${SETTING_PHRASES[setting]}`);
    else reasons.push(`n'intervient pas ${SETTING_PHRASES[setting]}`);
  }
  if (failures & WRONG_AGE) reasons.push(context.isChild ? "n'accueille pas d'enfants" : "réservée aux enfants");
  if (failures & FULL) {
    const since = structure.capacitySince ? ` depuis le ${formatDate(structure.capacitySince)}` : "";
    reasons.push(`complet${since} (${capacityFreshness(structure.capacityConfirmedAt, isStale(structure, context))})`);
  }
  return { structureId: structure.id, name: structure.name, type: structure.type, reasons };
}

export function unmetReason(need: Need, request: RoutingRequest, counts: { typesInRules: number; excluded: number; outside: number }): string {
  const what = `${NEED_PHRASES[need]} ${SETTING_PHRASES[request.placeOfCare]}`;
  if (counts.typesInRules === 0) return `les règles du territoire ne prévoient aucun type de structure pour ${what}`;
  if (counts.excluded === 0) return `aucune structure de l'annuaire ne correspond ${toPhrase(what)}`;
  const inArea = counts.excluded - counts.outside;
  const outside = counts.outside;
  const parts = [
    inArea > 0 ? `${inArea} ${inArea === 1 ? "structure qui couvre la commune est écartée" : "structures qui couvrent la commune sont écartées"}` : null,
    outside > 0 ? `${outside} ${outside === 1 ? "structure ne la couvre pas" : "structures ne la couvrent pas"}` : null,
  ].filter((part) => part !== null);
  return `aucune structure ne peut être proposée ${toPlace(request.communeName)} pour ${what} : ${parts.join(", ")} (voir les motifs)`;
}
