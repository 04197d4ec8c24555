// French labels of the directory's vocabulary (client-safe). Keys are the database enums.
import type { AgeGroup, CapacityStatus, StructureType } from "@/lib/generated/prisma/enums";

// As the field names them (domain.md, "Care structures"). Typed loosely on purpose: other domains
// look labels up with plain strings (`STRUCTURE_TYPE_LABELS[s.type] ?? s.type`).
export const STRUCTURE_TYPE_LABELS: Record<string, string> = {
  EMSP: "Équipe mobile / territoriale de soins palliatifs (EMSP)",
  HAD: "Hospitalisation à domicile (HAD)",
  SSIAD: "Service de soins infirmiers à domicile (SSIAD)",
  PALLIATIVE_NETWORK: "Réseau de soins palliatifs",
  HEALTH_NETWORK: "Réseau de santé",
  USP: "Unité de soins palliatifs (USP)",
  LISP: "Lits identifiés de soins palliatifs (LISP)",
  PAIN_CLINIC: "Consultation douleur",
  PALLIATIVE_DAY_HOSPITAL: "Hôpital de jour de soins palliatifs",
  ERRSPP: "Équipe ressource régionale de soins palliatifs pédiatriques (ERRSPP)",
  PSYCHOLOGIST: "Psychologue",
  DIETICIAN: "Diététicien·ne",
  SOCIAL_WORKER: "Assistant·e social·e",
  PHYSIOTHERAPIST: "Masseur-kinésithérapeute",
  VOLUNTEERS: "Association de bénévoles",
  CPTS: "CPTS / maison de santé",
  OTHER: "Autre",
} satisfies Record<StructureType, string>;

export const CAPACITY_LABELS: Record<CapacityStatus, string> = {
  AVAILABLE: "Disponible",
  WAITING_LIST: "Liste d'attente",
  FULL: "Complet",
  ASSESSMENT_FIRST: "Évaluation préalable",
};

// What each status means for the person calling (shown under the choice in the capacity form).
export const CAPACITY_HINTS: Record<CapacityStatus, string> = {
  AVAILABLE: "Nous pouvons prendre de nouveaux patients.",
  WAITING_LIST: "Nous prenons les demandes, avec un délai.",
  FULL: "Nous ne pouvons pas prendre de nouveau patient pour l'instant.",
  ASSESSMENT_FIRST: "Nous évaluons chaque situation avant de la prendre en charge.",
};

export const AGE_GROUP_LABELS: Record<AgeGroup, string> = { ADULT: "Adultes", CHILD: "Enfants" };
