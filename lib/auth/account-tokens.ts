import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

// Single-use links sent by e-mail (invitation, password reset). The token is 32 random bytes; the
// database keeps its SHA-256 only (a fast hash is enough for a random secret of that size).

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  INVITATION: 72 * 3_600_000,
  PASSWORD_RESET: 3_600_000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A new link for the account: the earlier unused links of the same purpose stop working. */
export async function issueAccountToken(
  tx: Tx,
  { userId, purpose, createdById, now }: { userId: string; purpose: AccountTokenPurpose; createdById: string | null; now: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  const row = await tx.accountToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), createdAt: now, expiresAt, createdById },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

export type TokenState =
  { ok: true; tokenId: string; user: { id: string; email: string; name: string; active: boolean } } | { ok: false; reason: "UNKNOWN" | "USED" | "EXPIRED" };

/**
 * What a link is worth now. `lock`: inside the transaction that uses it, the row is locked, so
 * that the same link opened twice at once is used once.
 */
export async function readAccountToken(
  tx: Tx,
  { token, purpose, now, lock = false }: { token: string; purpose: AccountTokenPurpose; now: Date; lock?: boolean },
): Promise<TokenState> {
  const hash = hashToken(token);
  if (lock) await tx.$queryRaw`SELECT id FROM account_token WHERE token_hash = ${hash} FOR UPDATE`;
  const row = await tx.accountToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!row || row.purpose !== purpose) return { ok: false, reason: "UNKNOWN" };
  if (row.usedAt) return { ok: false, reason: "USED" };
  if (row.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  return { ok: true, tokenId: row.id, user: row.user };
}

export const TOKEN_REFUSALS: Record<AccountTokenPurpose, Record<"UNKNOWN" | "USED" | "EXPIRED" | "INACTIVE", string>> = {
  INVITATION: {
    UNKNOWN: "Ce lien d'invitation n'est pas valable. Vérifiez que vous avez copié le lien en entier, ou demandez une nouvelle invitation.",
    USED: "Ce lien d'invitation a déjà servi ou a été remplacé par un plus récent. Connectez-vous, ou demandez une nouvelle invitation.",
    EXPIRED: "Ce lien d'invitation a expiré (il vaut 72 heures). Demandez à l'administrateur du dispositif de vous le renvoyer.",
    INACTIVE: "Ce compte a été désactivé. Contactez l'administrateur du dispositif.",
  },
  PASSWORD_RESET: {
    UNKNOWN: "Ce lien n'est pas valable. Vérifiez que vous avez copié le lien en entier, ou demandez-en un nouveau.",
    USED: "Ce lien a déjà servi ou a été remplacé par un plus récent. Demandez-en un nouveau si besoin.",
    EXPIRED: "Ce lien a expiré (il vaut une heure). Demandez-en un nouveau.",
    INACTIVE: "Ce compte a été désactivé. Contactez l'administrateur du dispositif.",
  },
};
