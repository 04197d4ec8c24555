import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { readAccountToken, TOKEN_REFUSALS } from "@/lib/auth/account-tokens";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword, writePassword } from "@/lib/auth/set-password";
import { ZAcceptInvitation } from "@/lib/auth/schemas";
import type { z } from "zod";

/**
 * The page an invitation or a reset link opens: the new password, typed twice and strong enough,
 * replaces any earlier one; the link is used up in the same transaction (opened twice at once, it
 * works once), and every open session of the account ends.
 */
export async function setPasswordFromLink({
  purpose,
  input,
  db = prisma,
  now = new Date(),
}: {
  purpose: AccountTokenPurpose;
  input: z.input<typeof ZAcceptInvitation>;
  db?: Db;
  now?: Date;
}): Promise<{ email: string }> {
  const { token, password } = ZAcceptInvitation.parse(input);
  const before = await db.$transaction((tx) => readAccountToken(tx, { token, purpose, now }));
  if (!before.ok) throw new AppError("INVALID_TRANSITION", TOKEN_REFUSALS[purpose][before.reason]);
  if (!before.user.active) throw new AppError("INVALID_TRANSITION", TOKEN_REFUSALS[purpose].INACTIVE);
  assertStrongPassword(password, [before.user.name, before.user.email]);
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const link = await readAccountToken(tx, { token, purpose, now, lock: true });
    if (!link.ok) throw new AppError("INVALID_TRANSITION", TOKEN_REFUSALS[purpose][link.reason]);
    if (!link.user.active) throw new AppError("INVALID_TRANSITION", TOKEN_REFUSALS[purpose].INACTIVE);
    await tx.accountToken.update({ where: { id: link.tokenId }, data: { usedAt: now } });
    // The sealed copy waiting in the outbox (a message not sent yet) is of no use any more.
    await tx.outboxMessage.updateMany({ where: { key: `account-token:${link.tokenId}` }, data: { secret: null } });
    await writePassword(tx, { userId: link.user.id, hash, actorId: link.user.id, now });
    if (purpose === "INVITATION") {
      await recordEvent(tx, link.user.id, { type: "auth.invitation_accepted", subjectType: "user", subjectId: link.user.id, data: { tokenId: link.tokenId } });
    }
    return { email: link.user.email };
  });
}

/** Whether a link still works, for the page it opens (before the person types anything). */
export async function checkAccountLink({
  purpose,
  token,
  db = prisma,
  now = new Date(),
}: {
  purpose: AccountTokenPurpose;
  token: string;
  db?: Db;
  now?: Date;
}) {
  const link = await db.$transaction((tx) => readAccountToken(tx, { token, purpose, now }));
  if (!link.ok) return { ok: false as const, message: TOKEN_REFUSALS[purpose][link.reason] };
  if (!link.user.active) return { ok: false as const, message: TOKEN_REFUSALS[purpose].INACTIVE };
  return { ok: true as const, name: link.user.name, email: link.user.email };
}
