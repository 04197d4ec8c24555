import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { scoreOf, type ScreeningAnswers } from "@/lib/screening/grids";

export type RecordedScreening = { id: string; requestId: string; answers: ScreeningAnswers; score: number };

/** Writes one answer of a grid and its event, in the caller's transaction (the coordinator's recordScreening and the GP's filing); the caller checked who may. */
export async function insertScreening(
  tx: Tx,
  { requestId, answers, actorId, now }: { requestId: string; answers: ScreeningAnswers; actorId: string; now: Date },
): Promise<RecordedScreening> {
  const score = scoreOf(answers);
  const row = await tx.screeningAnswer.create({
    data: { requestId, grid: answers.grid, version: answers.version, answers: answers.answers, score, recordedById: actorId, recordedAt: now },
    select: { id: true },
  });
  await recordEvent(
    tx,
    actorId,
    {
      type: "request.screening_recorded",
      subjectType: "request",
      subjectId: requestId,
      data: { screeningId: row.id, grid: answers.grid, version: answers.version, score },
    },
    now,
  );
  return { id: row.id, requestId, answers, score };
}
