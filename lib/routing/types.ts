// The vocabulary of the pure routing module (issue 4). No database here: the caller maps Prisma rows
// to these shapes (coverage already expanded from départements / territories to commune codes).
import type { Need, PlaceOfCare, StructureType, Urgency } from "@/lib/generated/prisma/enums";

export const AGE_GROUPS = ["ADULT", "CHILD"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

// As the directory records it, with the date a team member last confirmed it.
export const CAPACITY_STATUSES = ["AVAILABLE", "WAITING_LIST", "FULL", "ASSESSMENT_FIRST"] as const;
export type CapacityStatus = (typeof CAPACITY_STATUSES)[number];

/** Below this age the patient is a child: paediatric teams (ERRSPP) and age checks apply. */
export const CHILD_AGE_LIMIT = 18;

/** Capacity confirmed longer ago than this is "stale": said in the reasons, penalised in a crisis. */
export const CAPACITY_STALE_AFTER_DAYS = 30;

export interface RoutingOffer {
  need: Need;
  /** Where the structure provides it (a pain consultation: home and hospital; an SSIAD: home only). */
  settings: readonly PlaceOfCare[];
}

export interface RoutingStructure {
  id: string;
  name: string;
  type: StructureType;
  active: boolean;
  /** INSEE codes of the communes covered, already expanded by the caller. */
  communeCodes: ReadonlySet<string>;
  offers: readonly RoutingOffer[];
  /** Empty = not filled in: no age check (an incomplete import must not hide a structure). */
  ageGroups: readonly AgeGroup[];
  capacity: CapacityStatus;
  capacityConfirmedAt: Date | null;
  /** When the current capacity status began, if the directory knows it ("liste d'attente depuis le …"). */
  capacitySince?: Date | null;
  /** Reachable day and night (an HAD's on-call doctor): favoured in a crisis. */
  onCall24h?: boolean;
}

export interface RoutingRequest {
  needs: readonly Need[];
  urgency: Urgency;
  placeOfCare: PlaceOfCare;
  communeCode: string;
  /** For the reasons: "couvre Bar-le-Duc", "ne couvre pas Verdun". */
  communeName: string;
  /** Null = unknown: no age check, no paediatric priority. */
  patientAge: number | null;
  /**
   * The latest PALLIA-10 of the request when positive (more than 3 « oui », question 1 « oui »):
   * its number of « oui »; null or absent otherwise. Ranks the specialised palliative teams first.
   */
  pallia10Positives?: number | null;
}

/**
 * Per territory: for each need and care setting, the structure types that serve it, best first.
 * An empty list means "no one": the need is then reported as unmet, never silently dropped.
 */
export type RoutingRules = Readonly<Record<Need, Readonly<Record<PlaceOfCare, readonly StructureType[]>>>>;

export interface RoutingCandidate {
  structureId: string;
  name: string;
  type: StructureType;
  score: number;
  /** In French, each checkable by the nurse against the directory. */
  reasons: string[];
}

export interface RoutingExclusion {
  structureId: string;
  name: string;
  type: StructureType;
  reasons: string[];
}

export interface NeedRouting {
  need: Need;
  /** Best first; ties broken by name (French collation) then id. */
  candidates: RoutingCandidate[];
  /**
   * Structures concerned by the need but left out, nearest misses first (those covering the
   * commune, then fewest reasons, then name), at most `maxExcluded`.
   */
  excluded: RoutingExclusion[];
  /** How many were excluded in all (the list above may be cut). */
  excludedCount: number;
  unmet: boolean;
  /** Why no one can serve it, in French; null when there is a candidate. */
  unmetReason: string | null;
}
