// The demo directory: care structures of the demo territories, modelled on the source documents
// (../shared/seeds): the Bar-le-Duc mobile palliative team and its ecosystem (seed 000: HAD with a
// palliative orientation, pain consultation with its outreach from Verdun, psychologist, social
// worker, CPTS du Barrois, volunteers), the Meuse / Meurthe-et-Moselle / Vosges offer of seed 002
// (USP in Nancy only, EMSPs, networks, pain centres of Verdun and Épinal, LISP), and the PACA
// organisation of seed 001 (RESP 13 coordinating seven territorial teams, a paediatric ERRSPP, HAD).
//
// Everything here is fictitious and marked isDemo: people's names are invented; phone numbers come
// from the ranges ARCEP reserves for fiction (03 53 01 xx xx, 04 65 71 xx xx), never a real line;
// e-mails use the reserved .example domain; FINESS numbers are in an unused 0999 series with a
// valid key. Communes are chosen by name or by INSEE arrondissement in the reference data, never
// by hand-typed codes, and a name that no longer resolves stops the seed.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AgeGroup, CapacityStatus, Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { recordEvent } from "@/lib/audit";
import { parseWeekText } from "@/lib/geography/hours-text";
import { ZStructure, type TStructureData } from "@/lib/directory/schemas";
import { createColumns, structureColumns, writeOffers } from "@/lib/directory/structure-data";
import { readCommunes, type CommuneRow } from "@/lib/geography/reference-data";

type Offers = Partial<Record<Need, PlaceOfCare[]>>;
type CommuneRule = { department: string; names?: string[]; arrondissements?: string[]; except?: string[] };

export type DemoStructure = {
  key: string; // the structure's externalId is "demo-<key>"
  name: string;
  type: StructureType;
  territory: string; // slug of the administering territory
  finess?: string;
  address?: { commune: [department: string, name: string]; street: string };
  coverage: { communes?: CommuneRule[]; departments?: string[]; territories?: string[] };
  ageGroups?: AgeGroup[];
  offers: Offers;
  phone: string;
  secureEmail?: string;
  hours?: string;
  hoursNote?: string;
  onCall24h?: boolean;
  referent?: [name: string, phone: string];
  backup?: [name: string, phone: string];
  beds?: number;
  capacity?: { status: CapacityStatus; sinceDaysAgo?: number; confirmedDaysAgo: number };
  description?: string;
};

const ALL: PlaceOfCare[] = ["HOME", "NURSING_HOME", "HOSPITAL"];
const LIVING: PlaceOfCare[] = ["HOME", "NURSING_HOME", "OTHER"];
const OUTSIDE: PlaceOfCare[] = ["HOME", "NURSING_HOME"];

// What a mobile palliative team does (domain.md): advice on pain and symptoms, palliative approach,
// psychological support of the patient and family, ethical reflection; social work in hospital.
const EMSP_OFFERS: Offers = {
  PAIN: ALL,
  OTHER_SYMPTOMS: ALL,
  PALLIATIVE_CARE: [...ALL, "OTHER"],
  PSYCHOLOGICAL_PATIENT: ALL,
  PSYCHOLOGICAL_FAMILY: ALL,
  SOCIAL: ["HOSPITAL"],
  ETHICAL_REFLECTION: ALL,
};
// A territorial team (ETSP): the same outside the hospital.
const ETSP_OFFERS: Offers = {
  PAIN: OUTSIDE,
  OTHER_SYMPTOMS: OUTSIDE,
  PALLIATIVE_CARE: LIVING,
  PSYCHOLOGICAL_PATIENT: OUTSIDE,
  PSYCHOLOGICAL_FAMILY: OUTSIDE,
  ETHICAL_REFLECTION: OUTSIDE,
};
const HAD_OFFERS: Offers = { PALLIATIVE_CARE: LIVING, PAIN: OUTSIDE, OTHER_SYMPTOMS: OUTSIDE, HOME_CARE: OUTSIDE, NUTRITION: ["HOME"] };
const PALLIATIVE_NETWORK_OFFERS: Offers = {
  PALLIATIVE_CARE: LIVING,
  PAIN: ["HOME"],
  OTHER_SYMPTOMS: ["HOME"],
  PSYCHOLOGICAL_PATIENT: ["HOME"],
  PSYCHOLOGICAL_FAMILY: ["HOME"],
  SOCIAL: ["HOME"],
  ETHICAL_REFLECTION: OUTSIDE,
};
const HEALTH_NETWORK_OFFERS: Offers = { NUTRITION: ["HOME"], SOCIAL: ["HOME"], PHYSICAL_ACTIVITY: ["HOME"], CARER_RESPITE: ["HOME"] };
const PAIN_CLINIC_OFFERS: Offers = { PAIN: ALL };

const WEEKDAYS_9_17 = "lun-ven 09:00-17:00";
const WEEKDAYS_830_1730 = "lun-ven 08:30-17:30";

const BARROIS = [
  "Bar-le-Duc",
  "Behonne",
  "Combles-en-Barrois",
  "Fains-Véel",
  "Ligny-en-Barrois",
  "Longeville-en-Barrois",
  "Naives-Rosières",
  "Revigny-sur-Ornain",
  "Savonnières-devant-Bar",
  "Tronville-en-Barrois",
  "Val-d'Ornain",
];
const VERDUNOIS = ["Verdun", "Belleville-sur-Meuse", "Bras-sur-Meuse", "Charny-sur-Meuse", "Dieue-sur-Meuse", "Étain", "Haudainville", "Thierville-sur-Meuse"];
const GRAND_NANCY = [
  "Nancy",
  "Essey-lès-Nancy",
  "Heillecourt",
  "Houdemont",
  "Jarville-la-Malgrange",
  "Laxou",
  "Ludres",
  "Malzéville",
  "Maxéville",
  "Saint-Max",
  "Tomblaine",
  "Vandœuvre-lès-Nancy",
  "Villers-lès-Nancy",
];
// RESP 13's seven territorial teams (seed 001) share the département: two for Marseille's north and
// south, and one per other area, built on the INSEE arrondissements (131 Aix, 132 Arles,
// 133 Marseille, 134 Istres).
const MARSEILLE_NORD = ["Marseille", "Allauch", "Plan-de-Cuques", "Septèmes-les-Vallons"];
const MARSEILLE_SUD = ["Marseille", "Cassis", "Carnoux-en-Provence"];
const PAYS_SALONAIS = [
  "Salon-de-Provence",
  "Alleins",
  "Aurons",
  "La Barben",
  "Charleval",
  "Eyguières",
  "Lamanon",
  "Lançon-Provence",
  "Mallemort",
  "Pélissanne",
  "La Roque-d'Anthéron",
  "Sénas",
  "Vernègues",
  "Grans",
  "Cornillon-Confoux",
];

const etsp = (key: string, name: string, communes: CommuneRule, n: number, referent: string, description: string): DemoStructure => ({
  key,
  name,
  type: "EMSP",
  territory: "bouches-du-rhone",
  coverage: { communes: [communes] },
  offers: ETSP_OFFERS,
  phone: `04 65 71 13 3${n}`,
  secureEmail: `${key}@demo-mssante.maillage.example`,
  hours: WEEKDAYS_9_17,
  hoursNote: "Hors horaires : RESP 13 (astreinte téléphonique de coordination).",
  referent: [referent, `04 65 71 13 5${n}`],
  capacity: { status: "AVAILABLE", confirmedDaysAgo: n },
  description: `Équipe territoriale de soins palliatifs (ETSP), extra-hospitalière, coordonnée par le RESP 13. ${description}`,
});

export const DEMO_DIRECTORY: readonly DemoStructure[] = [
  // ——— Meuse Sud (Bar-le-Duc): seed 000 ———
  {
    key: "emsp-bar-le-duc",
    name: "EMSP du Centre hospitalier de Bar-le-Duc",
    type: "EMSP",
    territory: "meuse-sud",
    finess: "550999015",
    address: { commune: ["55", "Bar-le-Duc"], street: "Centre hospitalier, pavillon de soins palliatifs" },
    coverage: { territories: ["meuse-sud"] },
    offers: EMSP_OFFERS,
    phone: "03 53 01 55 31",
    secureEmail: "emsp-bar-le-duc@demo-mssante.maillage.example",
    hours: WEEKDAYS_830_1730,
    hoursNote: "Hors horaires : astreinte de l'HAD Meuse pour les patients suivis.",
    referent: ["Dr Anne Royer", "03 53 01 55 61"],
    backup: ["Isabelle Marchal, infirmière", "03 53 01 55 62"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 1 },
    description:
      "Équipe pluridisciplinaire (médecins, infirmières, aide-soignante, psychologue, assistante sociale). Intervient dans tous les services du centre hospitalier, dans les EHPAD et structures médico-sociales conventionnées, et à domicile avec l'HAD et le réseau. File active de plus de 500 patients par an.",
  },
  {
    key: "had-meuse",
    name: "HAD Meuse",
    type: "HAD",
    territory: "meuse-sud",
    finess: "550999023",
    address: { commune: ["55", "Bar-le-Duc"], street: "Centre hospitalier, service d'hospitalisation à domicile" },
    coverage: { departments: ["55"] },
    offers: HAD_OFFERS,
    phone: "03 53 01 55 32",
    secureEmail: "had-meuse@demo-mssante.maillage.example",
    hours: "lun-ven 08:00-18:00; sam 09:00-12:00",
    hoursNote: "Astreinte médicale et infirmière 24 h/24 pour les patients pris en charge.",
    onCall24h: true,
    referent: ["Julien Petit, infirmier coordinateur", "03 53 01 55 63"],
    backup: ["Dr Sylvie Kessler, médecin coordonnateur", "03 53 01 55 64"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 3 },
    description:
      "Hospitalisation à domicile à orientation palliative (depuis 2007) : soins techniques, traitements hospitaliers, matériel et livraisons, à domicile et en EHPAD, dans toute la Meuse.",
  },
  {
    key: "reseau-sud-meusien",
    name: "Réseau de santé Sud meusien",
    type: "HEALTH_NETWORK",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Maison des réseaux" },
    coverage: { territories: ["meuse-sud"] },
    offers: HEALTH_NETWORK_OFFERS,
    phone: "03 53 01 55 33",
    secureEmail: "reseau-sud-meusien@demo-mssante.maillage.example",
    hours: WEEKDAYS_9_17,
    referent: ["Claire Antoine, coordinatrice", "03 53 01 55 65"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 10 },
    description:
      "Réseau plurithématique (gérontologie, soins de support) : coordination des professionnels du domicile, diététique, accompagnement social, activité physique adaptée, solutions de répit.",
  },
  {
    key: "douleur-bar-le-duc",
    name: "Consultation douleur avancée de Bar-le-Duc (CH de Verdun)",
    type: "PAIN_CLINIC",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Centre hospitalier, consultations externes" },
    coverage: { territories: ["meuse-sud"] },
    offers: PAIN_CLINIC_OFFERS,
    phone: "03 53 01 55 34",
    hours: "mar 09:00-12:00, 14:00-17:00; jeu 09:00-12:00",
    hoursNote: "Consultation avancée de la structure douleur du CH de Verdun, deux demi-journées par semaine.",
    referent: ["Dr Marc Olivier", "03 53 01 55 66"],
    capacity: { status: "WAITING_LIST", sinceDaysAgo: 12, confirmedDaysAgo: 2 },
    description: "Douleur chronique, y compris chez les patients atteints de cancer ; labellisée consultation avancée en 2012.",
  },
  {
    key: "ssiad-barrois",
    name: "SSIAD du Barrois",
    type: "SSIAD",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Maison de l'autonomie" },
    coverage: { communes: [{ department: "55", names: BARROIS }] },
    offers: { HOME_CARE: ["HOME"] },
    phone: "03 53 01 55 35",
    hours: "lun-dim 07:30-12:30, 17:00-20:00",
    referent: ["Nadia Ferreira, infirmière coordinatrice", "03 53 01 55 67"],
    capacity: { status: "FULL", sinceDaysAgo: 5, confirmedDaysAgo: 1 },
    description: "Soins infirmiers et d'hygiène à domicile sur prescription médicale.",
  },
  {
    key: "psychologue-sud-meusien",
    name: "Psychologue en soins de support – Sud meusien",
    type: "PSYCHOLOGIST",
    territory: "meuse-sud",
    address: { commune: ["55", "Ligny-en-Barrois"], street: "Maison de santé pluriprofessionnelle" },
    coverage: { territories: ["meuse-sud"] },
    offers: { PSYCHOLOGICAL_PATIENT: OUTSIDE, PSYCHOLOGICAL_FAMILY: OUTSIDE },
    phone: "03 53 01 55 36",
    hours: "lun 09:00-18:00; mer 09:00-18:00; ven 09:00-13:00",
    referent: ["Léa Fontaine, psychologue", "03 53 01 55 36"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 6 },
    description:
      "Psychologue spécialisée en soins de support, sollicitée par les médecins du Sud meusien ; consultations au cabinet, à domicile et en EHPAD (prise en charge possible par le réseau, 3 à 5 séances).",
  },
  {
    key: "dieteticienne-sud-meusien",
    name: "Diététicienne du Réseau de santé Sud meusien",
    type: "DIETICIAN",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Maison des réseaux" },
    coverage: { territories: ["meuse-sud"] },
    offers: { NUTRITION: ALL },
    phone: "03 53 01 55 37",
    hours: "mar 09:00-17:00; jeu 09:00-17:00",
    referent: ["Camille Laurent, diététicienne", "03 53 01 55 37"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 8 },
  },
  {
    key: "service-social-ch-bld",
    name: "Service social du CH de Bar-le-Duc",
    type: "SOCIAL_WORKER",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Centre hospitalier" },
    coverage: { territories: ["meuse-sud"] },
    offers: { SOCIAL: ALL },
    phone: "03 53 01 55 38",
    hours: WEEKDAYS_9_17,
    referent: ["Sandrine Noël, assistante sociale", "03 53 01 55 38"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 4 },
    description: "Droits, aides, allocation journalière d'accompagnement d'une personne en fin de vie, isolement, retour à domicile.",
  },
  {
    key: "cpts-barrois",
    name: "CPTS du Barrois",
    type: "CPTS",
    territory: "meuse-sud",
    address: { commune: ["55", "Bar-le-Duc"], street: "Maison de santé" },
    coverage: { communes: [{ department: "55", names: BARROIS }] },
    offers: { HOME_CARE: ["HOME"] },
    phone: "03 53 01 55 39",
    hours: WEEKDAYS_9_17,
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 20 },
    description: "Communauté professionnelle territoriale de santé (2018) : trouver une infirmière libérale, un kinésithérapeute, un médecin de garde.",
  },
  {
    key: "benevoles-barrois",
    name: "Bénévoles d'accompagnement du Barrois",
    type: "VOLUNTEERS",
    territory: "meuse-sud",
    coverage: { territories: ["meuse-sud"] },
    offers: { PSYCHOLOGICAL_FAMILY: ALL, CARER_RESPITE: ALL },
    phone: "03 53 01 55 40",
    hoursNote: "Permanence téléphonique le mercredi après-midi ; rappel sous 48 h.",
    hours: "mer 14:00-18:00",
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 14 },
    description: "Association de bénévoles formés : présence et écoute auprès des patients et des proches, groupes d'endeuillés.",
  },
  // ——— Meuse Nord (Verdun): seed 002 ———
  {
    key: "douleur-verdun",
    name: "Consultation douleur du CH de Verdun",
    type: "PAIN_CLINIC",
    territory: "meuse-nord",
    finess: "550999031",
    address: { commune: ["55", "Verdun"], street: "Centre hospitalier, structure douleur chronique" },
    coverage: { departments: ["55"] },
    offers: PAIN_CLINIC_OFFERS,
    phone: "03 53 01 55 41",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Hélène Simon", "03 53 01 55 71"],
    backup: ["Maud Perrin, infirmière ressource douleur", "03 53 01 55 72"],
    capacity: { status: "ASSESSMENT_FIRST", sinceDaysAgo: 30, confirmedDaysAgo: 7 },
    description:
      "Structure douleur chronique labellisée. Questionnaire préalable à retourner avant le premier rendez-vous ; consultation avancée à Bar-le-Duc.",
  },
  {
    key: "ssiad-verdun",
    name: "SSIAD du Verdunois",
    type: "SSIAD",
    territory: "meuse-nord",
    address: { commune: ["55", "Verdun"], street: "Place de la mairie" },
    coverage: { communes: [{ department: "55", names: VERDUNOIS }] },
    offers: { HOME_CARE: ["HOME"] },
    phone: "03 53 01 55 42",
    hours: "lun-dim 07:30-12:30, 17:00-20:00",
    referent: ["Thomas Girard, infirmier coordinateur", "03 53 01 55 73"],
    // Confirmed long ago: shown as such, and the routing says so.
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 45 },
  },
  {
    key: "lisp-verdun",
    name: "Lits identifiés de soins palliatifs du CH de Verdun",
    type: "LISP",
    territory: "meuse-nord",
    finess: "550999049",
    address: { commune: ["55", "Verdun"], street: "Centre hospitalier, médecine polyvalente" },
    coverage: { territories: ["meuse-nord"] },
    offers: { PALLIATIVE_CARE: ["HOSPITAL"], CARER_RESPITE: ["HOME"] },
    beds: 6,
    phone: "03 53 01 55 43",
    hours: "lun-ven 09:00-17:00",
    hoursNote: "Admissions programmées avec l'EMSP de Verdun ; séjours de répit possibles.",
    referent: ["Dr Julie Marchand", "03 53 01 55 74"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 2 },
  },
  {
    key: "emsp-verdun",
    name: "EMSP du CH de Verdun",
    type: "EMSP",
    territory: "meuse-nord",
    finess: "550999056",
    address: { commune: ["55", "Verdun"], street: "Centre hospitalier" },
    coverage: { territories: ["meuse-nord"] },
    offers: EMSP_OFFERS,
    phone: "03 53 01 55 44",
    secureEmail: "emsp-verdun@demo-mssante.maillage.example",
    hours: WEEKDAYS_830_1730,
    referent: ["Dr Pierre Collin", "03 53 01 55 75"],
    backup: ["Élodie Roux, infirmière", "03 53 01 55 76"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 5 },
  },
  {
    key: "reseau-nord-meusien",
    name: "Réseau de santé Nord meusien",
    type: "HEALTH_NETWORK",
    territory: "meuse-nord",
    address: { commune: ["55", "Verdun"], street: "Maison des réseaux" },
    coverage: { territories: ["meuse-nord"] },
    offers: { NUTRITION: ["HOME"], PHYSICAL_ACTIVITY: ["HOME"] },
    phone: "03 53 01 55 45",
    hours: WEEKDAYS_9_17,
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 12 },
    description: "Nutrition, éducation thérapeutique ; une infirmière de coordination en soins palliatifs travaille avec l'EMSP de Verdun.",
  },
  // ——— Meurthe-et-Moselle: the only USP of the three départements (seed 002) ———
  {
    key: "usp-nancy",
    name: "USP du CHRU de Nancy",
    type: "USP",
    territory: "meurthe-et-moselle",
    finess: "540999018",
    address: { commune: ["54", "Nancy"], street: "Hôpital, unité de soins palliatifs" },
    // The regional recourse: Meuse and Vosges have no USP.
    coverage: { departments: ["54", "55", "88"] },
    offers: { PALLIATIVE_CARE: ["HOME", "HOSPITAL"], OTHER_SYMPTOMS: ["HOSPITAL"], CARER_RESPITE: ["HOME"] },
    beds: 12,
    phone: "03 53 01 54 11",
    secureEmail: "usp-nancy@demo-mssante.maillage.example",
    hours: WEEKDAYS_9_17,
    hoursNote: "Demandes d'admission par le médecin traitant ou l'EMSP ; réponse sous 72 h.",
    referent: ["Dr Bernard Lemoine", "03 53 01 54 21"],
    capacity: { status: "WAITING_LIST", sinceDaysAgo: 11, confirmedDaysAgo: 1 },
    description: "Unité de 12 lits pour les situations les plus complexes et les séjours de répit.",
  },
  {
    key: "emsp-nancy",
    name: "EMSP du CHRU de Nancy",
    type: "EMSP",
    territory: "meurthe-et-moselle",
    finess: "540999026",
    address: { commune: ["54", "Nancy"], street: "Hôpital" },
    coverage: { communes: [{ department: "54", arrondissements: ["543"] }] },
    offers: { ...EMSP_OFFERS, PAIN: ["NURSING_HOME", "HOSPITAL"], OTHER_SYMPTOMS: ["NURSING_HOME", "HOSPITAL"], PALLIATIVE_CARE: ["NURSING_HOME", "HOSPITAL"] },
    phone: "03 53 01 54 12",
    hours: WEEKDAYS_830_1730,
    referent: ["Dr Chloé Bertrand", "03 53 01 54 22"],
    backup: ["Aurélie Mathieu, infirmière", "03 53 01 54 23"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 3 },
    description:
      "Intervient dans les services du CHRU et les EHPAD de l'arrondissement de Nancy ; à domicile, voir le réseau de soins palliatifs du Grand Nancy.",
  },
  {
    key: "reseau-grand-nancy",
    name: "Réseau de soins palliatifs du Grand Nancy",
    type: "PALLIATIVE_NETWORK",
    territory: "meurthe-et-moselle",
    address: { commune: ["54", "Vandœuvre-lès-Nancy"], street: "Maison des réseaux" },
    coverage: { communes: [{ department: "54", names: GRAND_NANCY }] },
    offers: PALLIATIVE_NETWORK_OFFERS,
    phone: "03 53 01 54 13",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Olivier Gauthier", "03 53 01 54 24"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 9 },
  },
  {
    key: "emsp-luneville",
    name: "EMSP du CH de Lunéville",
    type: "EMSP",
    territory: "meurthe-et-moselle",
    address: { commune: ["54", "Lunéville"], street: "Centre hospitalier" },
    coverage: { communes: [{ department: "54", arrondissements: ["542"] }] },
    offers: EMSP_OFFERS,
    phone: "03 53 01 54 14",
    hours: "lun-ven 08:30-17:00",
    hoursNote: "Joignable en semaine jusqu'à 17 h.",
    referent: ["Dr Agnès Morel", "03 53 01 54 25"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 4 },
  },
  // ——— Vosges ———
  {
    key: "emsp-epinal",
    name: "EMSP du CH d'Épinal",
    type: "EMSP",
    territory: "vosges",
    finess: "880999016",
    address: { commune: ["88", "Épinal"], street: "Centre hospitalier" },
    coverage: { communes: [{ department: "88", arrondissements: ["881"] }] },
    offers: EMSP_OFFERS,
    phone: "03 53 01 88 11",
    hours: WEEKDAYS_830_1730,
    referent: ["Dr François Henry", "03 53 01 88 21"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 2 },
  },
  {
    key: "emsp-saint-die",
    name: "EMSP du CH de Saint-Dié-des-Vosges",
    type: "EMSP",
    territory: "vosges",
    address: { commune: ["88", "Saint-Dié-des-Vosges"], street: "Centre hospitalier" },
    coverage: { communes: [{ department: "88", arrondissements: ["883"] }] },
    offers: EMSP_OFFERS,
    phone: "03 53 01 88 12",
    hours: WEEKDAYS_830_1730,
    referent: ["Dr Laure Masson", "03 53 01 88 22"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 6 },
  },
  {
    key: "reseau-vosges",
    name: "Réseau de soins palliatifs des Vosges et du Lunévillois",
    type: "PALLIATIVE_NETWORK",
    territory: "vosges",
    address: { commune: ["88", "Épinal"], street: "Maison des associations" },
    coverage: { departments: ["88"], communes: [{ department: "54", arrondissements: ["542"] }] },
    offers: PALLIATIVE_NETWORK_OFFERS,
    ageGroups: ["ADULT", "CHILD"],
    phone: "03 53 01 88 13",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Anne-Sophie Vincent", "03 53 01 88 23"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 15 },
    description: "Soins palliatifs et douleur à domicile, de l'enfant à la personne âgée.",
  },
  {
    key: "douleur-epinal",
    name: "Consultation douleur du CH d'Épinal",
    type: "PAIN_CLINIC",
    territory: "vosges",
    address: { commune: ["88", "Épinal"], street: "Centre hospitalier, consultations externes" },
    coverage: { departments: ["88"] },
    offers: PAIN_CLINIC_OFFERS,
    phone: "03 53 01 88 14",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Nicolas Fabre", "03 53 01 88 24"],
    capacity: { status: "WAITING_LIST", sinceDaysAgo: 60, confirmedDaysAgo: 3 },
    description: "Délai de premier rendez-vous de trois à quatre mois ; avis téléphonique possible pour le médecin traitant.",
  },
  // ——— Bouches-du-Rhône: RESP 13 and its seven territorial teams (seed 001) ———
  {
    key: "resp-13",
    name: "Réseau de soins palliatifs RESP 13",
    type: "PALLIATIVE_NETWORK",
    territory: "bouches-du-rhone",
    address: { commune: ["13", "Marseille"], street: "Siège du réseau" },
    coverage: { territories: ["bouches-du-rhone"] },
    offers: PALLIATIVE_NETWORK_OFFERS,
    phone: "04 65 71 13 31",
    secureEmail: "resp-13@demo-mssante.maillage.example",
    hours: WEEKDAYS_9_17,
    hoursNote: "Coordonne les sept équipes territoriales du département ; une demande au réseau est orientée vers l'équipe de la commune.",
    referent: ["Dr Karine Bonnet", "04 65 71 13 51"],
    backup: ["Yacine Haddad, infirmier coordinateur", "04 65 71 13 50"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 1 },
    description:
      "Réseau de soins palliatifs de tout le département des Bouches-du-Rhône ; peut être sollicité par les professionnels, les familles ou les proches aidants.",
  },
  etsp(
    "etsp-marseille-nord",
    "ETSP Marseille Nord (RESP 13)",
    { department: "13", names: MARSEILLE_NORD },
    2,
    "Dr Mehdi Saïdi",
    "Marseille (secteurs nord) et communes limitrophes.",
  ),
  etsp(
    "etsp-marseille-sud",
    "ETSP Marseille Sud (RESP 13)",
    { department: "13", names: MARSEILLE_SUD },
    3,
    "Dr Laetitia Rossi",
    "Marseille (secteurs centre et sud), Cassis, Carnoux.",
  ),
  etsp(
    "etsp-aubagne-ciotat",
    "ETSP Aubagne – La Ciotat (RESP 13)",
    { department: "13", arrondissements: ["133"], except: [...MARSEILLE_NORD, ...MARSEILLE_SUD] },
    4,
    "Dr Vincent Arnaud",
    "Pays d'Aubagne et de l'Étoile, La Ciotat.",
  ),
  etsp(
    "etsp-pays-aix",
    "ETSP Pays d'Aix (RESP 13)",
    { department: "13", arrondissements: ["131"], except: PAYS_SALONAIS },
    5,
    "Dr Émilie Fabre",
    "Aix-en-Provence, Gardanne et le pays d'Aix.",
  ),
  etsp(
    "etsp-pays-salonais",
    "ETSP Pays salonais (RESP 13)",
    { department: "13", names: PAYS_SALONAIS },
    6,
    "Dr Hugo Lambert",
    "Salon-de-Provence et ses environs.",
  ),
  etsp(
    "etsp-pays-arles",
    "ETSP Pays d'Arles (RESP 13)",
    { department: "13", arrondissements: ["132"] },
    7,
    "Dr Manon Garnier",
    "Arles, Tarascon, Alpilles et Camargue.",
  ),
  etsp(
    "etsp-etang-de-berre",
    "ETSP Étang de Berre (RESP 13)",
    { department: "13", arrondissements: ["134"], except: PAYS_SALONAIS },
    8,
    "Dr Samir Benhamou",
    "Istres, Martigues, Vitrolles, Marignane et l'ouest de l'étang.",
  ),
  {
    key: "errspp-paca",
    name: "ERRSPP PACA – soins palliatifs pédiatriques",
    type: "ERRSPP",
    territory: "bouches-du-rhone",
    finess: "130999014",
    address: { commune: ["13", "Marseille"], street: "Hôpital d'enfants" },
    // Regional: the six départements of Provence-Alpes-Côte d'Azur.
    coverage: { departments: ["04", "05", "06", "13", "83", "84"] },
    ageGroups: ["CHILD"],
    offers: { PALLIATIVE_CARE: ALL, PAIN: ALL, OTHER_SYMPTOMS: ALL, PSYCHOLOGICAL_FAMILY: ALL, ETHICAL_REFLECTION: ALL },
    phone: "04 65 71 13 41",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Aurore Mercier, pédiatre", "04 65 71 13 61"],
    backup: ["Julie Caron, puéricultrice", "04 65 71 13 62"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 2 },
    description:
      "Équipe ressource régionale de soins palliatifs pédiatriques : appui aux équipes qui soignent un enfant, à l'hôpital, en établissement médico-social et à domicile ; soutien des familles.",
  },
  {
    key: "usp-marseille",
    name: "USP de l'hôpital de Marseille",
    type: "USP",
    territory: "bouches-du-rhone",
    finess: "130999022",
    address: { commune: ["13", "Marseille"], street: "Hôpital, unité de soins palliatifs" },
    coverage: { departments: ["13"] },
    offers: { PALLIATIVE_CARE: ["HOME", "HOSPITAL"], OTHER_SYMPTOMS: ["HOSPITAL"], CARER_RESPITE: ["HOME"] },
    beds: 10,
    phone: "04 65 71 13 42",
    hours: WEEKDAYS_9_17,
    referent: ["Dr Philippe Roche", "04 65 71 13 63"],
    capacity: { status: "FULL", sinceDaysAgo: 3, confirmedDaysAgo: 0 },
  },
  // ——— Alpes-Maritimes ———
  {
    key: "had-alpes-maritimes",
    name: "HAD des Alpes-Maritimes",
    type: "HAD",
    territory: "alpes-maritimes",
    finess: "060999018",
    address: { commune: ["06", "Nice"], street: "Siège de l'HAD" },
    coverage: { departments: ["06"] },
    offers: HAD_OFFERS,
    phone: "04 65 71 06 31",
    hours: "lun-ven 08:00-18:00",
    onCall24h: true,
    hoursNote: "Astreinte 24 h/24 pour les patients pris en charge.",
    referent: ["Sophie Garcia, cadre de santé", "04 65 71 06 51"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 2 },
  },
  {
    key: "emsp-nice",
    name: "EMSP du CHU de Nice",
    type: "EMSP",
    territory: "alpes-maritimes",
    address: { commune: ["06", "Nice"], street: "Hôpital" },
    coverage: { territories: ["alpes-maritimes"] },
    offers: EMSP_OFFERS,
    phone: "04 65 71 06 32",
    hours: WEEKDAYS_830_1730,
    referent: ["Dr Thierry Blanc", "04 65 71 06 52"],
    capacity: { status: "AVAILABLE", confirmedDaysAgo: 5 },
  },
];

const DAY = 24 * 3600_000;

function communeResolver(communes: readonly CommuneRow[]) {
  const byName = new Map(communes.map((c) => [`${c.departmentCode}:${c.name}`, c.code]));
  const one = (department: string, name: string): string => {
    const code = byName.get(`${department}:${name}`);
    if (!code) throw new Error(`Annuaire de démonstration : commune introuvable dans le référentiel : ${name} (${department}).`);
    return code;
  };
  const rule = (r: CommuneRule): string[] => {
    const except = new Set((r.except ?? []).map((name) => one(r.department, name)));
    const named = (r.names ?? []).map((name) => one(r.department, name));
    const inArrondissements = r.arrondissements
      ? communes.filter((c) => c.departmentCode === r.department && r.arrondissements!.includes(c.arrondissementCode ?? "")).map((c) => c.code)
      : [];
    return [...named, ...inArrondissements].filter((code) => !except.has(code));
  };
  return { one, rule };
}

/** A demo entry as the directory's schema sees it (the same validation as a form or a CSV line). */
export function demoStructureData(
  s: DemoStructure,
  territoryId: (slug: string) => string,
  now: Date,
  communes: readonly CommuneRow[] = readCommunes(),
): TStructureData {
  const { one, rule } = communeResolver(communes);
  const hours = parseWeekText(s.hours ?? "");
  if (!hours.ok) throw new Error(`Annuaire de démonstration, ${s.key} : ${hours.error}`);
  const capacity = s.capacity ?? { status: "AVAILABLE", confirmedDaysAgo: 0 };
  return ZStructure.parse({
    externalId: `demo-${s.key}`,
    name: s.name,
    type: s.type,
    finess: s.finess,
    territoryId: territoryId(s.territory),
    addressCommuneCode: s.address ? one(...s.address.commune) : null,
    address: s.address?.street,
    coverageCommuneCodes: (s.coverage.communes ?? []).flatMap(rule),
    coverageDepartmentCodes: s.coverage.departments ?? [],
    coverageTerritoryIds: (s.coverage.territories ?? []).map(territoryId),
    ageGroups: s.ageGroups ?? ["ADULT"],
    offers: Object.entries(s.offers).flatMap(([need, settings]) => settings.map((setting) => ({ need, setting }))),
    phone: s.phone,
    secureEmail: s.secureEmail,
    openingHours: hours.value,
    hoursNote: s.hoursNote,
    onCall24h: s.onCall24h ?? false,
    referentName: s.referent?.[0],
    referentPhone: s.referent?.[1],
    backupName: s.backup?.[0],
    backupPhone: s.backup?.[1],
    beds: s.beds,
    capacityStatus: capacity.status,
    capacitySince: new Date(now.getTime() - (capacity.sinceDaysAgo ?? 90) * DAY),
    capacityConfirmedAt: new Date(now.getTime() - capacity.confirmedDaysAgo * DAY),
    description: s.description,
    active: true,
  });
}

/**
 * Creates or refreshes the demo directory (by externalId "demo-<key>"; an entry of an older seed
 * with the same name is adopted). Returns the structures' ids by key. Capacity dates are relative to
 * `now`, so that a fresh demo shows recent confirmations.
 */
export async function seedDemoDirectory({
  db,
  territoryId,
  now = new Date(),
}: {
  db: PrismaClient;
  territoryId: (slug: string) => string;
  now?: Date;
}): Promise<Map<string, string>> {
  const communes = readCommunes();
  const ids = new Map<string, string>();
  for (const s of DEMO_DIRECTORY) {
    const data = demoStructureData(s, territoryId, now, communes);
    const existing =
      (await db.structure.findUnique({ where: { externalId: data.externalId! }, select: { id: true } })) ??
      (await db.structure.findFirst({ where: { name: s.name, isDemo: true, externalId: null }, select: { id: true } }));
    const id = await db.$transaction(async (tx) => {
      if (existing) {
        await tx.structure.update({ where: { id: existing.id }, data: { ...structureColumns(data), isDemo: true, version: { increment: 1 } } });
        await writeOffers(tx, existing.id, data.offers);
        return existing.id;
      }
      const created = await tx.structure.create({ data: { ...createColumns(data), isDemo: true }, select: { id: true } });
      await writeOffers(tx, created.id, data.offers);
      await recordEvent(tx, null, { type: "directory.structure_created", subjectType: "structure", subjectId: created.id, data: { source: "seed" } }, now);
      return created.id;
    });
    ids.set(s.key, id);
  }
  return ids;
}
