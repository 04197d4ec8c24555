import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { requestNumberLabel } from "@/lib/labels";
import { formatDate } from "@/lib/time";

// The texts of a notification. Two versions: the ordinary one (the bell, ordinary e-mail) carries
// the request number, a step in neutral words and a sign-in link — nothing about the patient's
// health; the secure one (MSSanté only) may add the patient's name, the team and the summary.

export type SecureDetail = {
  patientName?: string | null;
  birthDate?: Date | null;
  structureName?: string | null;
  summary?: string | null;
};

export type Composed = { title: string; subject: string; body: string };

/** The bell's line: « DA-000123 : une équipe a accepté l'orientation ». */
export function neutralTitle(phrase: string, requestNumber: number | null): string {
  return requestNumber === null ? capitalise(phrase) : `${requestNumberLabel(requestNumber)} : ${phrase}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function signInLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/$/, "")}/connexion?callbackUrl=${encodeURIComponent(path)}`;
}

const FOOTER =
  "Message automatique de Maillage. Par sécurité, un courriel ordinaire ne contient jamais de donnée de santé : connectez-vous pour lire la demande.";

/** The ordinary e-mail: « Du nouveau sur la demande DA-000123 », the step, the sign-in link. */
export function composeOrdinary(input: { kind: NotificationKind; phrase: string; requestNumber: number | null; link: string; baseUrl: string }): Composed {
  const title = neutralTitle(input.phrase, input.requestNumber);
  const subject = input.requestNumber === null ? `Maillage : ${input.phrase}` : `Du nouveau sur la demande ${requestNumberLabel(input.requestNumber)}`;
  const body = [
    "Bonjour,",
    "",
    input.requestNumber === null ? `${capitalise(input.phrase)}.` : `Demande ${requestNumberLabel(input.requestNumber)} : ${input.phrase}.`,
    "",
    `Pour la consulter, connectez-vous : ${signInLink(input.baseUrl, input.link)}`,
    "",
    "--",
    FOOTER,
  ].join("\n");
  return { title, subject, body };
}

/** The MSSanté message: the same step, with who the patient is and, at closure, the summary. */
export function composeSecure(input: {
  kind: NotificationKind;
  phrase: string;
  requestNumber: number | null;
  link: string;
  baseUrl: string;
  detail: SecureDetail;
}): Composed {
  const ordinary = composeOrdinary(input);
  const { patientName, birthDate, structureName, summary } = input.detail;
  const lines = ["Bonjour,", "", ordinary.body.split("\n")[2]!];
  if (patientName) lines.push("", `Patient : ${patientName}${birthDate ? ` (né·e le ${formatDate(birthDate)})` : ""}`);
  if (structureName) lines.push(`Structure : ${structureName}`);
  if (summary) lines.push("", "Synthèse de la coordination :", summary);
  lines.push("", `Dans Maillage : ${signInLink(input.baseUrl, input.link)}`, "", "--", "Message sécurisé (MSSanté) envoyé par Maillage.");
  return { title: ordinary.title, subject: `${ordinary.subject} (messagerie sécurisée)`, body: lines.join("\n") };
}

/** The daily digest: one line per notification held for it, with its link. */
export function composeDigest(input: { baseUrl: string; day: Date; items: { title: string; link: string; createdAt: Date }[] }): {
  subject: string;
  body: string;
} {
  const lines = input.items.map((i) => `- ${i.title}\n  ${signInLink(input.baseUrl, i.link)}`);
  return {
    subject: `Maillage : votre récapitulatif du ${formatDate(input.day)}`,
    body: [
      "Bonjour,",
      "",
      input.items.length === 1 ? "Du nouveau depuis votre dernier récapitulatif :" : `${input.items.length} nouveautés depuis votre dernier récapitulatif :`,
      "",
      ...lines,
      "",
      "--",
      FOOTER,
    ].join("\n"),
  };
}
