// The patient's age for routing (children: paediatric teams and age checks). Pure.
import { ageInYears } from "@/lib/time";

/**
 * Full years on `now`'s calendar day in France. Null when the birth date is unknown (a family's
 * public form may not give it): routing then makes no age check.
 */
export function patientAgeAt(birthDate: Date | null, now: Date): number | null {
  if (!birthDate) return null;
  const age = ageInYears(birthDate, now);
  return age >= 0 ? age : null;
}
