// A territory's rules as read back from the database (TerritoryRoutingRules.rules, JSON). They were
// validated when saved, so the only way they can differ from ZRoutingRules is the vocabulary moving
// on after the save: a need or a place of care added to the enums (its cells are missing), or a
// structure type removed (still listed). Routing must go on in both cases: a missing cell takes the
// domain default and an unknown type is dropped, and `repaired` says so (the editor then tells the
// coordinator that saving will write the completed table).
import { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import type { RoutingRules } from "@/lib/routing/types";

const NEEDS = Object.values(Need);
const SETTINGS = Object.values(PlaceOfCare);
const KNOWN_TYPES = new Set<string>(Object.values(StructureType));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `null` (no row) = the domain defaults. */
export function rulesFromStored(stored: unknown): { rules: RoutingRules; repaired: boolean } {
  if (stored === null || stored === undefined) return { rules: DEFAULT_ROUTING_RULES, repaired: false };
  let repaired = !isRecord(stored);
  const source = isRecord(stored) ? stored : {};
  const rules = {} as Record<Need, Record<PlaceOfCare, StructureType[]>>;
  for (const need of NEEDS) {
    const row = source[need];
    if (!isRecord(row)) repaired = true;
    rules[need] = {} as Record<PlaceOfCare, StructureType[]>;
    for (const setting of SETTINGS) {
      const cell = isRecord(row) ? row[setting] : undefined;
      if (!Array.isArray(cell)) {
        repaired = true;
        rules[need][setting] = [...DEFAULT_ROUTING_RULES[need][setting]];
        continue;
      }
      const kept = cell.filter((type, index): type is StructureType => typeof type === "string" && KNOWN_TYPES.has(type) && cell.indexOf(type) === index);
      if (kept.length !== cell.length) repaired = true;
      rules[need][setting] = kept;
    }
  }
  return { rules, repaired };
}
