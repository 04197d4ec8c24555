// The journal's words for each kind of event (/admin/journal, the consultations panel, the CSV).
import type { AuditEventType } from "@/lib/audit";

export const EVENT_LABELS: Record<AuditEventType, string> = {
  "auth.sign_in": "Connexion",
  "auth.psc_account_created": "Compte médecin créé à la première connexion Pro Santé Connect",
  "auth.sign_in_failed": "Échec de connexion",
  "auth.sign_in_refused_locked": "Connexion refusée (compte verrouillé)",
  "auth.sign_out": "Déconnexion",
  "auth.password_changed": "Mot de passe changé",
  "auth.account_deactivated": "Compte désactivé",
  "auth.account_reactivated": "Compte réactivé",
  "auth.account_unlocked": "Compte débloqué",
  "auth.password_reset_requested": "Lien « Mot de passe oublié » demandé",
  "auth.invitation_accepted": "Invitation acceptée (mot de passe choisi)",
  "user.created": "Compte créé",
  "user.invited": "Invitation envoyée",
  "user.updated": "Compte modifié (rôle, rattachements)",
  "user.profile_updated": "Profil modifié",
  "request.submitted": "Demande déposée",
  "request.viewed": "Dossier consulté",
  "request.claimed": "Demande prise en charge",
  "request.note_added": "Note de coordination",
  "request.oriented": "Orientation vers une ou des équipes",
  "request.cancelled": "Demande annulée",
  "request.closed": "Demande clôturée",
  "request.reopened": "Demande rouverte",
  "request.status_derived": "Statut de la demande mis à jour",
  "request.unmet_needs_flagged": "Besoins non couverts relevés",
  "referral.accepted": "Orientation acceptée",
  "referral.declined": "Orientation refusée",
  "referral.first_contact": "Premier contact avec le patient",
  "referral.note_added": "Note de l'équipe",
  "referral.completed": "Prise en charge terminée",
  "referral.cancelled": "Orientation retirée",
  "directory.structure_created": "Structure créée",
  "directory.structure_updated": "Structure modifiée",
  "directory.capacity_updated": "Disponibilité mise à jour",
  "directory.structure_deactivated": "Structure désactivée",
  "directory.csv_imported": "Import CSV de l'annuaire",
  "audit.searched": "Journal consulté",
  "requests.list_viewed": "Liste de demandes consultée",
  "routing.rules_updated": "Règles d'orientation modifiées",
};

/** A type written before this list knew it (or by a newer version): said as it is stored. */
export function eventLabel(type: string): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? type;
}
