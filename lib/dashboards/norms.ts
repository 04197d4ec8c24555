// Coverage norms (seed 004): one mobile palliative team (EMSP) per 200,000 inhabitants and 5
// identified palliative beds (LISP) per 100,000 inhabitants. A deployment may set its own (a
// regional plan above the national floor) in the single row of dashboard_settings.
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";

export type CoverageNorms = { mobileTeamsPer200k: number; palliativeBedsPer100k: number };

export const NATIONAL_NORMS: CoverageNorms = { mobileTeamsPer200k: 1, palliativeBedsPer100k: 5 };

export const ZCoverageNorms = z.object({
  mobileTeamsPer200k: z.number({ error: "Indiquez un nombre." }).positive("Indiquez un nombre positif.").max(100),
  palliativeBedsPer100k: z.number({ error: "Indiquez un nombre." }).positive("Indiquez un nombre positif.").max(1000),
});

export async function getCoverageNorms(db: Db): Promise<CoverageNorms> {
  const row = await db.dashboardSettings.findUnique({ where: { id: 1 }, select: { mobileTeamsPer200k: true, palliativeBedsPer100k: true } });
  return row ?? NATIONAL_NORMS;
}

// Administrators only (the norms are a platform setting, like territories).
export async function setCoverageNorms({ actor, norms, db }: { actor: Actor; norms: z.input<typeof ZCoverageNorms>; db: Db }): Promise<CoverageNorms> {
  assertCan(actor, "territories.manage");
  const data = ZCoverageNorms.parse(norms);
  await db.dashboardSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return data;
}
