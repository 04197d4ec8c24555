// The INS (identifiant national de santé): a matricule — the NIR, or a NIA while the person waits
// for one — of 13 characters and a 2-digit key, with the OID that says which. Pure, client-safe.
export const INS_OIDS = {
  NIR: "1.2.250.1.213.1.4.8",
  NIA: "1.2.250.1.213.1.4.9",
} as const;
export type InsKind = keyof typeof INS_OIDS;

/** "1 46 05 55 029 001 - 57" → "146055502900157" (spaces, dots and dashes removed, upper-case). */
export function normalizeInsMatricule(value: string): string {
  return value.replace(/[\s.-]/g, "").toUpperCase();
}

// Corsica: 2A and 2B count as 19 and 18 in the key's computation.
function numericBody(body: string): bigint {
  return BigInt(body.replace(/^(\d{5})2A/, "$119").replace(/^(\d{5})2B/, "$118"));
}

/** The key of a 13-character NIR or NIA body: 97 − (body mod 97). */
export function insKey(body: string): number {
  return 97 - Number(numericBody(body) % 97n);
}

export type InsCheck = { ok: true; matricule: string } | { ok: false; message: string };

/**
 * Checks a matricule's shape and key, then that it agrees with the strict traits it can be compared
 * with: sex (1 man, 2 woman; 3-4 and 7-8 for temporary numbers), year and month of birth (months
 * 20-42 and 50-99 are used when the month was unknown).
 */
export function checkInsMatricule(raw: string, traits: { sex?: string; birthDate?: Date } = {}): InsCheck {
  const matricule = normalizeInsMatricule(raw);
  if (!/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(matricule))
    return { ok: false, message: "Matricule INS : 15 caractères (13 chiffres, ou 2A/2B pour la Corse, puis la clé à 2 chiffres)." };
  const body = matricule.slice(0, 13);
  if (insKey(body) !== Number(matricule.slice(13))) return { ok: false, message: "Matricule INS : la clé ne correspond pas (vérifiez la saisie)." };
  const sexDigit = matricule[0]!;
  const sexOfDigit = "137".includes(sexDigit) ? "MALE" : "FEMALE";
  if (traits.sex && traits.sex !== "UNDETERMINED" && traits.sex !== sexOfDigit)
    return { ok: false, message: "Matricule INS : son premier chiffre ne correspond pas au sexe indiqué." };
  if (traits.birthDate) {
    const year = String(traits.birthDate.getUTCFullYear() % 100).padStart(2, "0");
    const month = Number(matricule.slice(3, 5));
    if (matricule.slice(1, 3) !== year) return { ok: false, message: "Matricule INS : l'année de naissance ne correspond pas." };
    if (month >= 1 && month <= 12 && month !== traits.birthDate.getUTCMonth() + 1)
      return { ok: false, message: "Matricule INS : le mois de naissance ne correspond pas." };
  }
  return { ok: true, matricule };
}
