// The forms of the screening grids (lib/screening/grids.ts): one schema per grid, chosen by the
// field `grid`, each turned into what is stored (ScreeningAnswers, current version). Errors in
// French at their field (q1…q10, grade, thermometer, intensity).
import { z } from "zod";
import { ZCheckbox, ZIdentifier } from "@/lib/text-schemas";
import { CURRENT_VERSION, DISTRESS_PROBLEMS, DN4_ITEMS, PALLIA10_QUESTIONS, type DistressProblem, type ScreeningAnswers } from "@/lib/screening/grids";

const yesNo = (n: number) => z.enum(["yes", "no"], { error: `Répondez à la question ${n} (oui ou non).` }).transform((v) => v === "yes");

const scale = (max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
    z.number({ error: message }).int(message).min(0, message).max(max, message),
  );

const palliaFields = Object.fromEntries(PALLIA10_QUESTIONS.map((_, i) => [`q${i + 1}`, yesNo(i + 1)])) as Record<
  `q${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`,
  ReturnType<typeof yesNo>
>;

type PalliaFields = { [K in keyof typeof palliaFields]: boolean };
const palliaAnswers = (v: PalliaFields): ScreeningAnswers => ({
  grid: "PALLIA10",
  version: CURRENT_VERSION.PALLIA10 as 1,
  answers: { yes: PALLIA10_QUESTIONS.map((_, i) => v[`q${i + 1}` as keyof PalliaFields]) },
});

/** The ten answers of a PALLIA-10 (q1…q10 « yes » / « no »), as the GP's filing form sends them. */
export const ZPallia10Answers = z.object(palliaFields).transform(palliaAnswers);

/** q1…q10 as sent, each optional (the filing form: all ten or none, checked with ZPallia10Answers). */
export const PALLIA10_OPTIONAL_FIELDS = Object.fromEntries(PALLIA10_QUESTIONS.map((_, i) => [`q${i + 1}`, z.enum(["yes", "no"]).optional()])) as Record<
  keyof typeof palliaFields,
  z.ZodOptional<z.ZodEnum<{ yes: "yes"; no: "no" }>>
>;

const problemCodes = Object.keys(DISTRESS_PROBLEMS) as [DistressProblem, ...DistressProblem[]];
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const ref = { requestId: ZIdentifier({ missing: "Demande manquante." }) };

const ZGridAnswers = z.discriminatedUnion(
  "grid",
  [
    z.object({ ...ref, grid: z.literal("PALLIA10"), ...palliaFields }),
    z.object({
      ...ref,
      grid: z.literal("PERFORMANCE_STATUS"),
      grade: scale(4, "Choisissez l'indice OMS du patient (0 à 4)."),
      crisis: ZCheckbox,
    }),
    z.object({
      ...ref,
      grid: z.literal("DISTRESS"),
      thermometer: scale(10, "Indiquez le score du thermomètre (0 à 10)."),
      problems: list(z.enum(problemCodes, { error: "Problème inconnu." })),
    }),
    z.object({
      ...ref,
      grid: z.literal("PAIN"),
      intensity: scale(10, "Indiquez l'intensité de la douleur (0 à 10)."),
      dn4Done: ZCheckbox,
      dn4: list(z.enum(DN4_ITEMS.map((_, i) => String(i)) as [string, ...string[]], { error: "Item DN4 inconnu." })),
    }),
  ],
  { error: "Choisissez la grille." },
);

function toAnswers(v: z.output<typeof ZGridAnswers>): ScreeningAnswers {
  switch (v.grid) {
    case "PALLIA10":
      return palliaAnswers(v);
    case "PERFORMANCE_STATUS":
      return { grid: "PERFORMANCE_STATUS", version: 1, answers: { grade: v.grade, crisis: v.crisis } };
    case "DISTRESS":
      return { grid: "DISTRESS", version: 1, answers: { score: v.thermometer, problems: [...new Set(v.problems)].sort() } };
    case "PAIN": {
      const ticked = new Set(v.dn4.map(Number));
      return {
        grid: "PAIN",
        version: 1,
        answers: { intensity: v.intensity, dn4: v.dn4Done || ticked.size > 0 ? DN4_ITEMS.map((_, i) => ticked.has(i)) : null },
      };
    }
  }
}

/** The coordinator records a grid for a request (any grid, during triage or later). */
export const ZRecordScreening = ZGridAnswers.transform((v) => ({ requestId: v.requestId, answers: toAnswers(v) }));
export type TRecordScreening = z.input<typeof ZRecordScreening>;
