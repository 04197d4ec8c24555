// The RPPS (Répertoire partagé des professionnels de santé) number, client-safe.
/** The RPPS number: 11 digits whose last is a Luhn check digit (as the national directory issues them). */
export function isValidRpps(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    let digit = Number(value[10 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
