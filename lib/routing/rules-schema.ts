// A territory's routing rules as edited by its coordinators and admins: validation (French
// messages, per field) and the list of changes an edit makes, for the event log. Client-safe.
import { z } from "zod";
import { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { NEED_LABELS, PLACE_OF_CARE_LABELS } from "@/lib/labels";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { ordinal } from "@/lib/routing/phrases";
import type { RoutingRules } from "@/lib/routing/types";

const NEEDS = Object.values(Need);
const SETTINGS = Object.values(PlaceOfCare);
const STRUCTURE_TYPES = Object.values(StructureType);

const typeLabel = (type: string): string => STRUCTURE_TYPE_LABELS[type] ?? type;
const cellLabel = (need: Need, setting: PlaceOfCare): string => `${NEED_LABELS[need]} — ${PLACE_OF_CARE_LABELS[setting]}`;

const quoted = (value: unknown): string => (typeof value === "string" ? `« ${value} »` : "une valeur qui n'est pas un texte");

/** The ordered structure types for one need in one place of care; [] = no one (unmet need). */
export function structureTypeListSchema(need: Need, setting: PlaceOfCare) {
  return z
    .array(z.enum(STRUCTURE_TYPES, { error: (issue) => `Type de structure inconnu : ${quoted(issue.input)}.` }), {
      error: `${cellLabel(need, setting)} : une liste de types de structure est attendue (liste vide si aucun).`,
    })
    .superRefine(
      (types, ctx) => {
        const seen = new Set<unknown>();
        types.forEach((type, index) => {
          if (typeof type === "string" && seen.has(type)) {
            ctx.addIssue({ code: "custom", path: [index], message: `${cellLabel(need, setting)} : « ${typeLabel(type)} » figure deux fois.` });
          }
          seen.add(type);
        });
      },
      // Also when a type is unknown: the editor then sees every problem of the list at once.
      { when: (payload) => Array.isArray(payload.value) },
    );
}

// "Besoin inconnu : « FOO »." / "lieux de soins inconnus : « A », « B »."
function unknownKeys(singular: string, plural: string, keys: readonly string[]): string {
  const list = keys.map((k) => `« ${k} »`).join(", ");
  return `${keys.length === 1 ? singular : plural} : ${list}.`;
}

function needRulesSchema(need: Need) {
  const shape = Object.fromEntries(SETTINGS.map((setting) => [setting, structureTypeListSchema(need, setting)])) as Record<
    PlaceOfCare,
    ReturnType<typeof structureTypeListSchema>
  >;
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${NEED_LABELS[need]} — ${unknownKeys("lieu de soins inconnu", "lieux de soins inconnus", issue.keys)}`
        : `Règles manquantes pour « ${NEED_LABELS[need]} » (une liste par lieu de soins).`,
  });
}

const needShape = Object.fromEntries(NEEDS.map((need) => [need, needRulesSchema(need)])) as Record<Need, ReturnType<typeof needRulesSchema>>;

/** Every need × every place of care, each an ordered list of distinct known structure types. */
export const ZRoutingRules = z.strictObject(needShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? unknownKeys("Besoin inconnu", "Besoins inconnus", issue.keys)
      : "Règles de routage invalides : un tableau besoin × lieu de soins est attendu.",
});

export type TRoutingRules = z.infer<typeof ZRoutingRules>;

// The validated form is what rankStructures reads.
const _compatible: (rules: TRoutingRules) => RoutingRules = (rules) => rules;

export interface RoutingRuleChange {
  need: Need;
  setting: PlaceOfCare;
  before: StructureType[];
  after: StructureType[];
  /** In French, for the event log and the rules page's history. */
  description: string;
}

function describeList(types: readonly StructureType[]): string {
  return types.map((type, i) => `${i + 1}. ${typeLabel(type)}`).join(", ");
}

/**
 * What an edit changes, one entry per (need, place of care) whose list differs, in the order of the
 * needs then the places of care, e.g. "Douleur — Domicile : ajout de « Psychologue » (3e choix) ;
 * retrait de « Hospitalisation à domicile (HAD) »".
 */
export function diffRules(before: RoutingRules, after: RoutingRules): RoutingRuleChange[] {
  const changes: RoutingRuleChange[] = [];
  for (const need of NEEDS) {
    for (const setting of SETTINGS) {
      const was = before[need][setting];
      const now = after[need][setting];
      if (was.length === now.length && was.every((type, i) => now[i] === type)) continue;

      const parts: string[] = [];
      for (const [i, type] of now.entries()) {
        if (!was.includes(type)) parts.push(`ajout de « ${typeLabel(type)} » (${ordinal(i + 1)} choix)`);
      }
      for (const type of was) {
        if (!now.includes(type)) parts.push(`retrait de « ${typeLabel(type)} »`);
      }
      // Same types kept but in another order: say the new order in full, the only unambiguous way.
      const keptBefore = was.filter((type) => now.includes(type));
      const keptAfter = now.filter((type) => was.includes(type));
      if (keptBefore.some((type, i) => keptAfter[i] !== type)) parts.push(`nouvel ordre : ${describeList(now)}`);
      if (now.length === 0) parts.push("plus aucun type de structure : le besoin sera signalé comme non couvert");

      changes.push({ need, setting, before: [...was], after: [...now], description: `${cellLabel(need, setting)} : ${parts.join(" ; ")}` });
    }
  }
  return changes;
}
