// Edits of the rules editor on a draft table, pure and immutable (each returns a new table), so that
// the page can preview the changes (diffRules) before anything is saved. Client-safe.
import { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import type { RoutingRules } from "@/lib/routing/types";

// The vocabulary, for components (which do not import the generated client).
export type { Need as RuleNeed, PlaceOfCare as RuleSetting, StructureType as RuleType } from "@/lib/generated/prisma/enums";
export const RULE_NEEDS = Object.values(Need);
export const RULE_SETTINGS = Object.values(PlaceOfCare);

export type DraftRules = Record<Need, Record<PlaceOfCare, StructureType[]>>;

const ALL_TYPES = Object.values(StructureType);

export function cloneRules(rules: RoutingRules): DraftRules {
  return Object.fromEntries(
    Object.entries(rules).map(([need, settings]) => [need, Object.fromEntries(Object.entries(settings).map(([setting, types]) => [setting, [...types]]))]),
  ) as DraftRules;
}

function withCell(rules: RoutingRules, need: Need, setting: PlaceOfCare, types: StructureType[]): DraftRules {
  const next = cloneRules(rules);
  next[need][setting] = types;
  return next;
}

/** Moves the type at `index` one place up (-1) or down (+1); out of range = unchanged. */
export function moveType(rules: RoutingRules, need: Need, setting: PlaceOfCare, index: number, delta: -1 | 1): DraftRules {
  const types = [...rules[need][setting]];
  const target = index + delta;
  if (index < 0 || index >= types.length || target < 0 || target >= types.length) return cloneRules(rules);
  [types[index], types[target]] = [types[target] as StructureType, types[index] as StructureType];
  return withCell(rules, need, setting, types);
}

export function removeType(rules: RoutingRules, need: Need, setting: PlaceOfCare, index: number): DraftRules {
  return withCell(
    rules,
    need,
    setting,
    rules[need][setting].filter((_, i) => i !== index),
  );
}

/** Adds the type last (least preferred); a type already listed is left where it is. */
export function addType(rules: RoutingRules, need: Need, setting: PlaceOfCare, type: StructureType): DraftRules {
  if (rules[need][setting].includes(type)) return cloneRules(rules);
  return withCell(rules, need, setting, [...rules[need][setting], type]);
}

/** The types that may still be added to a cell, in the enum's order. */
export function addableTypes(rules: RoutingRules, need: Need, setting: PlaceOfCare): StructureType[] {
  const listed = new Set(rules[need][setting]);
  return ALL_TYPES.filter((type) => !listed.has(type));
}
