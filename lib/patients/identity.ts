// The identity key of a patient: birth name, first names, birth date and sex, normalised so that
// "Dupont-Martin Marie Anne" and "DUPONT MARTIN marie-anne" are the same person (never a twin).
export function normalizeIdentityPart(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}

export function patientIdentityKey(input: { birthName: string; firstNames: string; birthDate: Date; sex: string }): string {
  const date = input.birthDate.toISOString().slice(0, 10);
  return [normalizeIdentityPart(input.birthName), normalizeIdentityPart(input.firstNames), date, input.sex].join("|");
}
