// Which of the platform's suggestions a coordinator followed, and when she must say why she did not.
// Pure: orient-request.ts calls it with the routing computed in its transaction, the request page
// with the routing it shows, so that the form and the server agree on what needs a reason.
import type { NeedRouting } from "@/lib/routing/types";

/**
 * How many candidates per need count as "the suggestions": the page offers them first, each with its
 * one-click button. Choosing a structure outside them (a further candidate, or one the routing left
 * out) is an override, recorded with the coordinator's reason.
 */
export const TOP_SUGGESTIONS = 3;

/**
 * The structure's best position (1 = first) among the candidates of any need of the request, or
 * null when it is a candidate for none. Stored as Referral.suggestionRank.
 */
export function suggestionRankOf(routing: readonly NeedRouting[], structureId: string): number | null {
  let best: number | null = null;
  for (const need of routing) {
    const index = need.candidates.findIndex((c) => c.structureId === structureId);
    if (index >= 0 && (best === null || index + 1 < best)) best = index + 1;
  }
  return best;
}

export function isTopSuggestion(rank: number | null): boolean {
  return rank !== null && rank <= TOP_SUGGESTIONS;
}

export interface OrientationCheck {
  /** structureId → its suggestion rank (null: not a candidate). */
  ranks: Map<string, number | null>;
  /** The chosen structures outside the top suggestions of every need, in the order chosen. */
  overrides: string[];
  /**
   * A reason is required when the coordinator leaves the suggestions while there were some. When
   * no need has any candidate there is nothing to override: every choice is the coordinator's, and
   * the needs are recorded as unmet.
   */
  reasonRequired: boolean;
}

export function checkOrientation(routing: readonly NeedRouting[], structureIds: readonly string[]): OrientationCheck {
  const ranks = new Map<string, number | null>();
  for (const id of structureIds) ranks.set(id, suggestionRankOf(routing, id));
  const overrides = structureIds.filter((id) => !isTopSuggestion(ranks.get(id) ?? null));
  const anySuggestion = routing.some((need) => need.candidates.length > 0);
  return { ranks, overrides, reasonRequired: anySuggestion && overrides.length > 0 };
}
