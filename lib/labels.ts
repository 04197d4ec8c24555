// French labels of the care vocabulary shared by every domain (client-safe). Keys are the database enums.
import type {
  ClosureOutcome,
  ConsentMethod,
  IdentityStatus,
  DeclineReason,
  Need,
  PlaceOfCare,
  ReferralStatus,
  RequestChannel,
  RequestStatus,
  RequesterKind,
  Sex,
  Urgency,
  CancelReason,
  PatientEventKind,
  InterventionKind,
} from "@/lib/generated/prisma/enums";

export const NEED_LABELS: Record<Need, string> = {
  PAIN: "Douleur",
  OTHER_SYMPTOMS: "Autres symptômes",
  PALLIATIVE_CARE: "Soins palliatifs / fin de vie",
  PSYCHOLOGICAL_PATIENT: "Soutien psychologique du patient",
  PSYCHOLOGICAL_FAMILY: "Soutien psychologique des proches",
  NUTRITION: "Nutrition",
  SOCIAL: "Situation sociale (droits, aides, isolement)",
  PHYSICAL_ACTIVITY: "Activité physique / réadaptation",
  HOME_CARE: "Organisation des soins à domicile",
  CARER_RESPITE: "Répit de l'aidant",
  ETHICAL_REFLECTION: "Réflexion éthique",
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  // True of every territory: ZServiceLevels refuses a crisis clock that could take longer.
  CRISIS: "Situation de crise (premier contact sous 48 h au plus, week-end compris)",
  PLANNED: "Demande programmée",
};

export const URGENCY_SHORT_LABELS: Record<Urgency, string> = { CRISIS: "Crise", PLANNED: "Programmée" };

export const PLACE_OF_CARE_LABELS: Record<PlaceOfCare, string> = {
  HOME: "Domicile",
  NURSING_HOME: "EHPAD / établissement médico-social",
  HOSPITAL: "Hôpital",
  OTHER: "Autre",
};

export const SEX_LABELS: Record<Sex, string> = { FEMALE: "Femme", MALE: "Homme", UNDETERMINED: "Indéterminé" };

export const CHANNEL_LABELS: Record<RequestChannel, string> = {
  WEB: "Formulaire professionnel",
  PHONE: "Téléphone",
  MAIL: "Messagerie sécurisée",
  PUBLIC: "Formulaire public",
};

export const REQUESTER_KIND_LABELS: Record<RequesterKind, string> = {
  GP: "Médecin traitant",
  OTHER_PROFESSIONAL: "Autre professionnel",
  HOSPITAL: "Établissement de santé",
  PATIENT_FAMILY: "Patient ou proche",
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  SUBMITTED: "Reçue",
  TRIAGE: "En cours d'analyse",
  ORIENTED: "Orientée",
  IN_CARE: "Prise en charge",
  CLOSED: "Clôturée",
  CANCELLED: "Annulée",
};

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  PROPOSED: "Proposée",
  ACCEPTED: "Acceptée",
  DECLINED: "Refusée",
  IN_PROGRESS: "En cours",
  COMPLETED: "Terminée",
  CANCELLED: "Annulée",
};

export const CLOSURE_OUTCOME_LABELS: Record<ClosureOutcome, string> = {
  NEEDS_MET: "Besoins couverts",
  REDIRECTED: "Réorientée vers un autre dispositif",
  HOSPITALISED: "Patient hospitalisé",
  DECEASED: "Patient décédé",
  DECLINED_BY_PATIENT: "Refus du patient",
  UNREACHABLE: "Patient injoignable",
  OTHER: "Autre",
};

// What happened to the patient during care (a team or the coordination reports it).
export const PATIENT_EVENT_LABELS: Record<PatientEventKind, string> = {
  HOSPITALISED: "Hospitalisation",
  BACK_HOME: "Retour à domicile",
  NURSING_HOME: "Entrée en établissement (EHPAD…)",
  DECEASED: "Décès",
};

export const CANCEL_REASON_LABELS: Record<CancelReason, string> = { DUPLICATE: "Doublon", WITHDRAWN: "Demande retirée" };

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  OUTSIDE_AREA: "Hors de notre zone d'intervention",
  NOT_OUR_SERVICE: "Ne relève pas de notre offre",
  FULL: "Capacité atteinte",
  PATIENT_REFUSED: "Refus du patient",
  OTHER: "Autre motif",
};

export function requestNumberLabel(number: number): string {
  return `DA-${String(number).padStart(6, "0")}`;
}

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  ORAL: "Oralement",
  WRITTEN: "Par écrit",
  REPRESENTATIVE: "Par un représentant",
};

// Référentiel national d'identitovigilance: only a qualified identity makes the INS an identifier.
export const IDENTITY_STATUS_LABELS: Record<IdentityStatus, string> = {
  PROVISIONAL: "Provisoire",
  RECOVERED: "Récupérée (INS obtenu par le téléservice INSi)",
  VALIDATED: "Validée (pièce d'identité vérifiée)",
  QUALIFIED: "Qualifiée (validée et INS récupéré)",
};

export const CARE_CONTACT_ROLE_LABELS = {
  CARER: "Aidant",
  TRUSTED_PERSON: "Personne de confiance",
  GP: "Médecin traitant",
  HOME_NURSE: "Infirmier·e à domicile",
  PHARMACIST: "Pharmacien·ne",
  PHYSIOTHERAPIST: "Kinésithérapeute",
  OTHER_PROFESSIONAL: "Autre professionnel",
} as const;

// Activity records (lib/requests/record-intervention.ts).
export const INTERVENTION_KIND_LABELS: Record<InterventionKind, string> = {
  HOME_VISIT: "Visite à domicile",
  CONSULTATION: "Consultation",
  PHONE_ADVICE: "Conseil téléphonique",
  FAMILY_MEETING: "Entretien familial",
  PSYCHOLOGICAL_SUPPORT: "Soutien psychologique",
  DIETICIAN: "Consultation diététique",
  SOCIAL_WORK: "Entretien social",
  COORDINATION_VISIT: "Visite de coordination",
};
/** What a team records; the coordination records its own phone advice and coordination visits. */
export const TEAM_INTERVENTION_KINDS = [
  "HOME_VISIT",
  "CONSULTATION",
  "PHONE_ADVICE",
  "FAMILY_MEETING",
  "PSYCHOLOGICAL_SUPPORT",
  "DIETICIAN",
  "SOCIAL_WORK",
] as const;
export const COORDINATION_INTERVENTION_KINDS = ["PHONE_ADVICE", "COORDINATION_VISIT"] as const;
