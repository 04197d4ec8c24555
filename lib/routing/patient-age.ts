// The patient's age for routing (children: paediatric teams and age checks). Pure.

const parisDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Full years on `now`'s calendar day in France. `birthDate` is a calendar date (a DATE column,
 * midnight UTC). Null when the birth date is unknown (a family's public form may not give it):
 * routing then makes no age check.
 */
export function patientAgeAt(birthDate: Date | null, now: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = parisDate.format(now).split("-").map(Number) as [number, number, number];
  const by = birthDate.getUTCFullYear();
  const bm = birthDate.getUTCMonth() + 1;
  const bd = birthDate.getUTCDate();
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}
