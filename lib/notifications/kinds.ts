import type { DeliveryMode, NotificationKind, OutboxStatus } from "@/lib/generated/prisma/enums";

export type { OutboxStatus };

// The kinds of notification, in the neutral words an ordinary e-mail and the bell may carry: a
// step of the request, never who the patient is, what they need nor which kind of team (a mobile
// palliative team's name alone says a lot about someone's health).

export const NOTIFICATION_KINDS = [
  "REQUEST_SUBMITTED",
  "REQUEST_CLAIMED",
  "REFERRAL_PROPOSED",
  "REFERRAL_ACCEPTED",
  "REFERRAL_DECLINED",
  "FIRST_CONTACT",
  "TEAM_FEEDBACK",
  "REFERRAL_CANCELLED",
  "REQUEST_CLOSED",
  "REFERRAL_REMINDER",
  "OVERDUE",
  "OVERDUE_ESCALATED",
  "CAPACITY_REMINDER",
  "PATIENT_EVENT",
  "MESSAGE",
  "RCP_SYNTHESIS",
  "DIGEST",
] as const satisfies readonly NotificationKind[];

/** What the preference page lists, with the label each kind has there. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  REQUEST_SUBMITTED: "Nouvelle demande dans mon territoire",
  REQUEST_CLAIMED: "Ma demande est prise en charge",
  REFERRAL_PROPOSED: "Nouvelle orientation pour mon équipe",
  REFERRAL_ACCEPTED: "Orientation acceptée",
  REFERRAL_DECLINED: "Orientation déclinée",
  FIRST_CONTACT: "Premier contact avec le patient",
  TEAM_FEEDBACK: "Retour d'une équipe",
  REFERRAL_CANCELLED: "Orientation annulée",
  REQUEST_CLOSED: "Demande clôturée",
  REFERRAL_REMINDER: "Rappel d'une orientation sans réponse",
  OVERDUE: "Retard de tri ou de premier contact",
  OVERDUE_ESCALATED: "Escalade d'un retard",
  CAPACITY_REMINDER: "Disponibilité à confirmer",
  DIGEST: "Récapitulatif quotidien",
  ACCOUNT_INVITATION: "Invitation à créer son mot de passe",
  PASSWORD_RESET: "Lien « Mot de passe oublié »",
  PATIENT_EVENT: "Événement du parcours du patient (hospitalisation, retour, décès)",
  MESSAGE: "Nouveau message sur une demande",
  RCP_SYNTHESIS: "Fiche de synthèse d'une RCP soins de support",
};

/** The kinds that are always sent at once, whatever the preference: escalations, and what happened to the patient. */
export const ALWAYS_IMMEDIATE: ReadonlySet<NotificationKind> = new Set(["OVERDUE", "OVERDUE_ESCALATED", "DIGEST", "PATIENT_EVENT"]);

/** Which kinds each role may set a preference for (the others never reach them). */
export const KINDS_BY_ROLE: Record<string, readonly NotificationKind[]> = {
  GP: ["REQUEST_CLAIMED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "FIRST_CONTACT", "TEAM_FEEDBACK", "REQUEST_CLOSED", "MESSAGE", "RCP_SYNTHESIS"],
  COORDINATOR: ["REQUEST_SUBMITTED", "REFERRAL_DECLINED", "TEAM_FEEDBACK", "REFERRAL_REMINDER", "MESSAGE"],
  TEAM_MEMBER: ["REFERRAL_PROPOSED", "REFERRAL_CANCELLED", "REFERRAL_REMINDER", "CAPACITY_REMINDER", "MESSAGE", "RCP_SYNTHESIS"],
  ADMIN: [],
  ARS: [],
};

export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = {
  IMMEDIATE: "Par e-mail, tout de suite",
  DIGEST: "Dans le récapitulatif du jour",
  APP_ONLY: "Dans l'application seulement",
};

/**
 * The e-mail mode that applies: crisis requests and escalations go out at once whatever the
 * preference (a crisis must be answered within hours; a late triage must not wait for a digest).
 */
export function effectiveMode(kind: NotificationKind, preferred: DeliveryMode | undefined, crisis: boolean): DeliveryMode {
  if (crisis || ALWAYS_IMMEDIATE.has(kind)) return "IMMEDIATE";
  return preferred ?? "IMMEDIATE";
}

/** An address on a secure messaging domain (the domain itself or one of its subdomains). */
export function isSecureAddress(address: string, domains: readonly string[]): boolean {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  PENDING: "En attente",
  SENDING: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "En échec",
  KEPT: "Conservé (pas de SMTP)",
};
