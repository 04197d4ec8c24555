import { prisma, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/audit";
import { openSession } from "@/lib/auth/sessions";
import { isValidRpps } from "@/lib/auth/rpps";
import type { PscRefusal } from "@/lib/auth/schemas";

// What Pro Santé Connect tells of the person (ID token and userinfo merged): the national id
// « 8 » + RPPS in SubjectNameID, the names, the level of assurance (acr) and the professions
// exercised (SubjectRefPro.exercices[].codeProfession: 10 médecin, 60 infirmier…).
export type PscClaims = {
  sub?: string;
  acr?: string;
  SubjectNameID?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  SubjectRefPro?: { exercices?: { codeProfession?: string }[] };
};

export type PscSignIn = { ok: true; userId: string; email: string; name: string; sessionId: string; created: boolean } | { ok: false; reason: PscRefusal };

// eIDAS « substantiel » (a CPS card or e-CPS): what the platform asks of PSC in acr_values.
export const PSC_ACR = "eidas1";
const DOCTOR = "10";

/** The RPPS in SubjectNameID (« 8 » + 11 digits), or null. */
export function rppsOf(claims: PscClaims): string | null {
  const id = claims.SubjectNameID ?? "";
  const rpps = /^8(\d{11})$/.exec(id)?.[1];
  return rpps && isValidRpps(rpps) ? rpps : null;
}

/**
 * A professional Pro Santé Connect identified: the account with their RPPS, if active; a doctor
 * with none gets a GP account at once (no paperwork before the first request); anyone else must
 * have been invited. A session opens as with a password (lib/auth/sessions.ts).
 */
export async function signInWithProSanteConnect({ claims, db = prisma, now = new Date() }: { claims: PscClaims; db?: Db; now?: Date }): Promise<PscSignIn> {
  if (claims.acr !== PSC_ACR) return { ok: false, reason: "ACR" };
  const rpps = rppsOf(claims);
  if (!rpps) return { ok: false, reason: "NO_RPPS" };
  const hours = env().SESSION_ABSOLUTE_MAX_HOURS;
  return db.$transaction(async (tx) => {
    const known = await tx.user.findFirst({ where: { rpps }, select: { id: true, email: true, name: true, active: true } });
    if (known && !known.active) return { ok: false, reason: "INACTIVE" } as const;
    if (known)
      return {
        ok: true,
        userId: known.id,
        email: known.email,
        name: known.name,
        sessionId: await openSession(tx, { userId: known.id, now, hours, method: "psc" }),
        created: false,
      };
    const doctor = (claims.SubjectRefPro?.exercices ?? []).some((e) => e.codeProfession === DOCTOR);
    if (!doctor) return { ok: false, reason: "NOT_INVITED" } as const;
    const name = [claims.given_name, claims.family_name].filter(Boolean).join(" ").trim() || `Dr ${rpps}`;
    // PSC gives no e-mail for most professionals, and app_user.email is the unique sign-in key: an
    // address that is free, else one that can receive nothing (.invalid, RFC 2606) until the doctor
    // gives theirs in their profile.
    const offered = claims.email?.trim().toLowerCase();
    const free = offered && !(await tx.user.findUnique({ where: { email: offered }, select: { id: true } }));
    const email = free ? offered : `rpps-${rpps}@psc.invalid`;
    const user = await tx.user.create({
      data: { email, name: `Dr ${name.replace(/^Dr\.?\s+/i, "")}`, role: "GP", rpps },
      select: { id: true, email: true, name: true },
    });
    await recordEvent(tx, user.id, { type: "auth.psc_account_created", subjectType: "user", subjectId: user.id, data: { rpps } });
    return {
      ok: true,
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: await openSession(tx, { userId: user.id, now, hours, method: "psc" }),
      created: true,
    };
  });
}
