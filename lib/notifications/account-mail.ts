import type { Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { seal, unseal } from "@/lib/security/seal";
import { mailSettings } from "@/lib/notifications/enqueue";

// The e-mails that carry an account link (invitation, password reset): to the person's own
// address, by ordinary e-mail (no health data in them), through the same outbox and worker as the
// notifications. The token never lies in the outbox in clear: the body holds TOKEN_PLACEHOLDER and
// the sealed token waits in `secret` until the worker sends the message (deliver.ts).

export const TOKEN_PLACEHOLDER = "{{jeton}}";

const PATHS: Record<AccountTokenPurpose, string> = { INVITATION: "/invitation", PASSWORD_RESET: "/mot-de-passe/nouveau" };

export function accountLinkPath(purpose: AccountTokenPurpose, token: string): string {
  return `${PATHS[purpose]}/${token}`;
}

type AccountMail = { purpose: "INVITATION"; inviterName: string; roleLabel: string } | { purpose: "PASSWORD_RESET" };

export async function enqueueAccountMail(
  tx: Tx,
  mail: AccountMail & { tokenId: string; token: string; to: { id: string; email: string; name: string }; at: Date },
): Promise<void> {
  const link = `${mailSettings().baseUrl.replace(/\/$/, "")}${accountLinkPath(mail.purpose, TOKEN_PLACEHOLDER)}`;
  const { subject, body } =
    mail.purpose === "INVITATION"
      ? {
          subject: "Votre accès à Maillage",
          body: [
            `Bonjour ${mail.to.name},`,
            "",
            `${mail.inviterName} vous a ouvert un compte sur Maillage, le guichet unique de coordination des soins de support et palliatifs du territoire (rôle : ${mail.roleLabel}).`,
            "",
            "Pour choisir votre mot de passe et vous connecter, ouvrez ce lien personnel (valable 72 heures, une seule fois) :",
            link,
            "",
            `Votre identifiant de connexion : ${mail.to.email}`,
            "",
            "Si vous n'attendiez pas ce message, ignorez-le : sans ce lien, personne ne peut utiliser ce compte.",
            "",
            "--",
            "Message automatique de Maillage.",
          ].join("\n"),
        }
      : {
          subject: "Maillage : choisir un nouveau mot de passe",
          body: [
            "Bonjour,",
            "",
            "Vous avez demandé à choisir un nouveau mot de passe pour Maillage. Ouvrez ce lien personnel (valable une heure, une seule fois) :",
            link,
            "",
            "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.",
            "",
            "--",
            "Message automatique de Maillage.",
          ].join("\n"),
        };
  await tx.outboxMessage.create({
    data: {
      key: `account-token:${mail.tokenId}`,
      channel: "EMAIL",
      recipient: mail.to.email.toLowerCase(),
      userId: mail.to.id,
      kind: mail.purpose === "INVITATION" ? "ACCOUNT_INVITATION" : "PASSWORD_RESET",
      subject,
      body,
      secret: seal(mail.token),
      createdAt: mail.at,
      nextAttemptAt: mail.at,
    },
  });
}

/** The body with its link in, or null when the secret cannot be opened (NEXTAUTH_SECRET changed). */
export function withLink(body: string, secret: string | null): string | null {
  if (secret === null) return body;
  const token = unseal(secret);
  return token === null ? null : body.replaceAll(TOKEN_PLACEHOLDER, token);
}
