import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { enqueueAccountMail } from "@/lib/notifications/account-mail";
import { consumeRateLimit, retryAfterLabel } from "@/lib/rate-limit";
import { ZForgotPassword } from "@/lib/auth/schemas";
import type { z } from "zod";

export const RESET_REQUESTED_MESSAGE =
  "Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure. Pensez à regarder dans les courriers indésirables.";

/**
 * « Mot de passe oublié »: limited per client address; the same answer whether the e-mail has an
 * account or not (RESET_REQUESTED_MESSAGE), so that the form tells nobody who has one. An active
 * account gets a single-use link valid one hour; an earlier one stops working.
 */
export async function requestPasswordReset({
  input,
  address,
  db = prisma,
  now = new Date(),
}: {
  input: z.input<typeof ZForgotPassword>;
  address: string;
  db?: Db;
  now?: Date;
}) {
  const { email } = ZForgotPassword.parse(input);
  const decision = await consumeRateLimit({ bucket: "password-reset", address, db });
  if (!decision.allowed)
    throw new AppError("RATE_LIMITED", `Plusieurs demandes viennent d'être faites depuis cette connexion. ${retryAfterLabel(decision.retryAfterSeconds)}`);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, active: true } });
    if (!user?.active) return;
    const { id: tokenId, token } = await issueAccountToken(tx, { userId: user.id, purpose: "PASSWORD_RESET", createdById: null, now });
    await enqueueAccountMail(tx, { purpose: "PASSWORD_RESET", tokenId, token, to: user, at: now });
    await recordEvent(tx, null, { type: "auth.password_reset_requested", subjectType: "user", subjectId: user.id, data: { tokenId } });
  });
  return { message: RESET_REQUESTED_MESSAGE };
}
