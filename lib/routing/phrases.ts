// French wording of the routing reasons, written to be read in a sentence
// ("propose la prise en charge de la douleur à domicile", "n'intervient pas en EHPAD").
import type { Need, PlaceOfCare } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/time";

export const NEED_PHRASES: Record<Need, string> = {
  PAIN: "la prise en charge de la douleur",
  OTHER_SYMPTOMS: "la prise en charge des symptômes",
  PALLIATIVE_CARE: "les soins palliatifs",
  PSYCHOLOGICAL_PATIENT: "le soutien psychologique du patient",
  PSYCHOLOGICAL_FAMILY: "le soutien psychologique des proches",
  NUTRITION: "l'accompagnement nutritionnel",
  SOCIAL: "l'accompagnement social",
  PHYSICAL_ACTIVITY: "l'activité physique et la réadaptation",
  HOME_CARE: "l'organisation des soins",
  CARER_RESPITE: "le répit des aidants",
  ETHICAL_REFLECTION: "l'appui à la réflexion éthique",
};

export const SETTING_PHRASES: Record<PlaceOfCare, string> = {
  HOME: "à domicile",
  NURSING_HOME: "en EHPAD / établissement médico-social",
  HOSPITAL: "à l'hôpital",
  OTHER: "dans un autre lieu de soins",
};

/** "à" before one of the phrases above: "au soutien…", "aux soins…", "à la prise en charge…", "à l'accompagnement…". */
export function toPhrase(phrase: string): string {
  if (/^le /i.test(phrase)) return `au ${phrase.slice(3)}`;
  if (/^les /i.test(phrase)) return `aux ${phrase.slice(4)}`;
  return `à ${phrase}`;
}

/** "à" before a commune's name: "à Bar-le-Duc", "au Mans" (Le Mans), "aux Mées" (Les Mées), "à La Ciotat". */
export function toPlace(name: string): string {
  if (name.startsWith("Le ")) return `au ${name.slice(3)}`;
  if (name.startsWith("Les ")) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** "1er", "2e", "3e"... */
export function ordinal(position: number): string {
  return position === 1 ? "1er" : `${position}e`;
}

/** How fresh a capacity status is: "capacité confirmée le 12/11/2026", "… non confirmée depuis le …". */
export function capacityFreshness(confirmedAt: Date | null, stale: boolean): string {
  if (confirmedAt === null) return "capacité jamais confirmée";
  return stale ? `capacité non confirmée depuis le ${formatDate(confirmedAt)}` : `capacité confirmée le ${formatDate(confirmedAt)}`;
}
