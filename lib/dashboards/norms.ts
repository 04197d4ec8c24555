// Coverage norms (seed 004): one mobile palliative team (EMSP) per 200,000 inhabitants and 5
// identified palliative beds (LISP) per 100,000 inhabitants. A deployment may set its own (a
// regional plan above the national floor) in the single row of dashboard_settings.
import { z } from "zod";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";

export type CoverageNorms = { mobileTeamsPer200k: number; palliativeBedsPer100k: number };

export const NATIONAL_NORMS: CoverageNorms = { mobileTeamsPer200k: 1, palliativeBedsPer100k: 5 };

// "1,5" (a French decimal, as typed in the form) or 1.5; "" → missing.
const decimal = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z
      .number({ error: `${label} : indiquez un nombre (ex. 1 ou 1,5).` })
      .positive(`${label} : indiquez un nombre positif.`)
      .max(max, `${label} : ${max} au plus.`),
  );

export const ZCoverageNorms = z.object({
  mobileTeamsPer200k: decimal("Équipes mobiles pour 200 000 habitants", 100),
  palliativeBedsPer100k: decimal("Lits identifiés pour 100 000 habitants", 1000),
});

export async function getCoverageNorms(db: Db | Tx = prisma): Promise<CoverageNorms> {
  const row = await db.dashboardSettings.findUnique({ where: { id: 1 }, select: { mobileTeamsPer200k: true, palliativeBedsPer100k: true } });
  return row ?? NATIONAL_NORMS;
}

// Administrators only (the norms are a platform setting, like territories); an event says what
// they were and what they became (the dashboards' « conforme » depends on them).
export async function setCoverageNorms({
  actor,
  norms,
  db = prisma,
}: {
  actor: Actor;
  norms: z.input<typeof ZCoverageNorms>;
  db?: Db;
}): Promise<CoverageNorms & { changed: boolean }> {
  assertCan(actor, "territories.manage");
  const data = ZCoverageNorms.parse(norms);
  return db.$transaction(async (tx) => {
    const before = await getCoverageNorms(tx);
    const changed = before.mobileTeamsPer200k !== data.mobileTeamsPer200k || before.palliativeBedsPer100k !== data.palliativeBedsPer100k;
    if (!changed) return { ...data, changed };
    await tx.dashboardSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordEvent(tx, actor.id, { type: "settings.norms_updated", subjectType: "settings", subjectId: "coverage-norms", data: { before, after: data } });
    return { ...data, changed };
  });
}
