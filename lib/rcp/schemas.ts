// The forms of the supportive-care RCP (lib/rcp/): schedule a meeting, put a request on its
// agenda, record what was discussed and decided. French messages at their field.
import { z } from "zod";
import { ZCalendarDay, ZIdentifier, ZRequiredText, ZText } from "@/lib/text-schemas";

const ZId = ZIdentifier();
const optionalDay = (label: string) => z.preprocess((v) => (v === "" ? undefined : v), ZCalendarDay(label).optional());
const list = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(ZId));

export const ZScheduleRcp = z
  .object({
    territoryId: ZIdentifier({ missing: "Choisissez le territoire." }),
    day: ZCalendarDay("Date"),
    time: z.string({ error: "Indiquez l'heure (ex. 14:00)." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Indiquez l'heure (ex. 14:00)."),
    place: ZText({ max: 200, label: "Lieu" }).optional(),
    videoUrl: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .url({ protocol: /^https$/, error: "Lien de visioconférence : une adresse https://… complète." })
        .max(500)
        .optional(),
    ),
    structureIds: list,
    invitedOthers: ZText({ max: 1000, label: "Autres professionnels invités", multiline: true }).optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!v.place?.trim() && !v.videoUrl)
      ctx.issues.push({ code: "custom", input: v, path: ["place"], message: "Indiquez le lieu ou le lien de visioconférence." });
  });
export type TScheduleRcp = z.input<typeof ZScheduleRcp>;

export const ZAddRcpCase = z.object({
  meetingId: ZId,
  requestId: ZIdentifier({ missing: "Choisissez la demande à discuter." }),
  question: ZRequiredText({ max: 1000, label: "Question posée", required: "Indiquez la question posée à la RCP.", multiline: true }),
});
export type TAddRcpCase = z.input<typeof ZAddRcpCase>;

/** Up to three decisions per case: action{n}, who{n} (a structure id or "COORDINATION"), due{n}. */
export const RCP_DECISION_ROWS = [1, 2, 3] as const;
export const COORDINATION_RESPONSIBLE = "COORDINATION";

const decisionFields = Object.fromEntries(
  RCP_DECISION_ROWS.flatMap((n) => [
    [`action${n}`, ZText({ max: 500, label: `Décision ${n}` }).optional()],
    [`who${n}`, z.preprocess((v) => (v === "" ? undefined : v), ZId.optional())],
    [`due${n}`, optionalDay(`Échéance de la décision ${n}`)],
  ]),
) as Record<`${"action" | "who" | "due"}${1 | 2 | 3}`, z.ZodOptional<z.ZodType<string, string>>>;

export const ZRecordRcpCase = z
  .object({
    caseId: ZId,
    participants: ZRequiredText({ max: 1000, label: "Participants", required: "Indiquez qui a participé à la discussion.", multiline: true }),
    summary: ZRequiredText({ max: 4000, label: "Synthèse de la discussion", required: "Écrivez la synthèse de la discussion.", multiline: true }),
    nextReviewOn: optionalDay("Prochaine réévaluation"),
    ...decisionFields,
  })
  .check((ctx) => {
    const v = ctx.value as Record<string, string | undefined>;
    for (const n of RCP_DECISION_ROWS) {
      if (!v[`action${n}`]?.trim()) continue;
      if (!v[`who${n}`]) ctx.issues.push({ code: "custom", input: v, path: [`who${n}`], message: `Décision ${n} : indiquez qui s'en charge.` });
      if (!v[`due${n}`]) ctx.issues.push({ code: "custom", input: v, path: [`due${n}`], message: `Décision ${n} : indiquez l'échéance.` });
    }
  })
  .transform((v) => {
    const raw = v as Record<string, string | undefined>;
    const decisions = RCP_DECISION_ROWS.flatMap((n) => {
      const action = raw[`action${n}`]?.trim();
      return action
        ? [{ row: n, action, responsibleStructureId: raw[`who${n}`] === COORDINATION_RESPONSIBLE ? null : raw[`who${n}`]!, dueOn: raw[`due${n}`]! }]
        : [];
    });
    return { caseId: v.caseId, participants: v.participants, summary: v.summary, nextReviewOn: v.nextReviewOn ?? null, decisions };
  });
export type TRecordRcpCase = z.input<typeof ZRecordRcpCase>;

export const ZCompleteRcpDecision = z.object({ decisionId: ZId });
