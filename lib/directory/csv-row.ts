// One CSV line ⇄ one structure. The vocabulary (French column headers, French value codes) is
// documented at the top of import-structures-csv.ts. Pure: the database (territory slugs → ids,
// communes that exist) is checked by the import itself.
import type { AgeGroup, CapacityStatus, Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { formatWeekText, parseWeekText } from "@/lib/geography/hours-text";
import { ZStructure, ZStructureFields, type TStructureData } from "@/lib/directory/schemas";
import { formatDate } from "@/lib/time";

export const TYPE_CODES: Record<StructureType, string> = {
  EMSP: "emsp",
  HAD: "had",
  SSIAD: "ssiad",
  PALLIATIVE_NETWORK: "reseau_palliatif",
  HEALTH_NETWORK: "reseau_sante",
  USP: "usp",
  LISP: "lisp",
  PAIN_CLINIC: "consultation_douleur",
  PALLIATIVE_DAY_HOSPITAL: "hdj_palliatif",
  ERRSPP: "errspp",
  PSYCHOLOGIST: "psychologue",
  DIETICIAN: "dieteticien",
  SOCIAL_WORKER: "assistant_social",
  PHYSIOTHERAPIST: "kinesitherapeute",
  VOLUNTEERS: "benevoles",
  CPTS: "cpts",
  OTHER: "autre",
};

export const NEED_CODES: Record<Need, string> = {
  PAIN: "douleur",
  OTHER_SYMPTOMS: "symptomes",
  PALLIATIVE_CARE: "soins_palliatifs",
  PSYCHOLOGICAL_PATIENT: "psy_patient",
  PSYCHOLOGICAL_FAMILY: "psy_proches",
  NUTRITION: "nutrition",
  SOCIAL: "social",
  PHYSICAL_ACTIVITY: "activite_physique",
  HOME_CARE: "soins_domicile",
  CARER_RESPITE: "repit",
  ETHICAL_REFLECTION: "ethique",
};

export const CAPACITY_CODES: Record<CapacityStatus, string> = {
  AVAILABLE: "disponible",
  WAITING_LIST: "liste_attente",
  FULL: "complet",
  ASSESSMENT_FIRST: "evaluation_prealable",
};

export const AGE_CODES: Record<AgeGroup, string> = { ADULT: "adultes", CHILD: "enfants" };

// One column of needs per care setting.
export const OFFER_COLUMNS: Record<PlaceOfCare, string> = {
  HOME: "offres_domicile",
  NURSING_HOME: "offres_ehpad",
  HOSPITAL: "offres_hopital",
  OTHER: "offres_autre_lieu",
};

/** The columns, in file order. `identifiant_externe`, `nom` and `type` are required in a file. */
export const CSV_COLUMNS = [
  "identifiant_externe",
  "nom",
  "type",
  "finess",
  "territoire",
  "commune_adresse",
  "adresse",
  "communes_couvertes",
  "departements_couverts",
  "territoires_couverts",
  "publics",
  OFFER_COLUMNS.HOME,
  OFFER_COLUMNS.NURSING_HOME,
  OFFER_COLUMNS.HOSPITAL,
  OFFER_COLUMNS.OTHER,
  "telephone",
  "messagerie_securisee",
  "horaires",
  "precision_horaires",
  "astreinte_24h",
  "referent_nom",
  "referent_telephone",
  "suppleant_nom",
  "suppleant_telephone",
  "lits",
  "capacite",
  "capacite_depuis",
  "capacite_confirmee_le",
  "description",
  "active",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ["identifiant_externe", "nom", "type"];

export type CsvRecord = Partial<Record<CsvColumn, string>>;

/** A structure as a CSV line knows it: territories by slug, not by id. */
export type CsvStructure = Omit<TStructureData, "territoryId" | "coverageTerritoryIds"> & { territorySlug: string | null; coverageTerritorySlugs: string[] };

// Where a schema field's mistakes are reported.
const FIELD_COLUMN: Record<string, CsvColumn> = {
  externalId: "identifiant_externe",
  name: "nom",
  type: "type",
  finess: "finess",
  addressCommuneCode: "commune_adresse",
  address: "adresse",
  coverageCommuneCodes: "communes_couvertes",
  coverageDepartmentCodes: "departements_couverts",
  ageGroups: "publics",
  phone: "telephone",
  secureEmail: "messagerie_securisee",
  openingHours: "horaires",
  hoursNote: "precision_horaires",
  onCall24h: "astreinte_24h",
  referentName: "referent_nom",
  referentPhone: "referent_telephone",
  backupName: "suppleant_nom",
  backupPhone: "suppleant_telephone",
  beds: "lits",
  capacityStatus: "capacite",
  capacitySince: "capacite_depuis",
  capacityConfirmedAt: "capacite_confirmee_le",
  description: "description",
  active: "active",
};

const fold = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s'-]+/g, "_");

function reverse<K extends string>(codes: Record<K, string>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, code] of Object.entries(codes) as [K, string][]) {
    map.set(code, key);
    map.set(fold(key), key); // the database code too ("PAIN", "pain")
  }
  return map;
}
const TYPE_BY_CODE = reverse(TYPE_CODES);
const NEED_BY_CODE = reverse(NEED_CODES);
const CAPACITY_BY_CODE = reverse(CAPACITY_CODES);
const AGE_BY_CODE = reverse(AGE_CODES);

const splitList = (text: string | undefined) =>
  (text ?? "")
    .split(/[,;|]+|\s{2,}/)
    .map((v) => v.trim())
    .filter(Boolean);
const splitCodes = (text: string | undefined) =>
  (text ?? "")
    .split(/[\s,;|]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function yesNo(text: string | undefined, column: CsvColumn, errors: string[], empty: boolean): boolean {
  const v = fold(text ?? "");
  if (v === "") return empty;
  if (["oui", "o", "vrai", "true", "1", "x"].includes(v)) return true;
  if (["non", "n", "faux", "false", "0"].includes(v)) return false;
  errors.push(`${column} : « ${text} » ; oui ou non attendu.`);
  return empty;
}

function codes<K extends string>(text: string | undefined, map: Map<string, K>, column: CsvColumn, allowed: Record<K, string>, errors: string[]): K[] {
  const out: K[] = [];
  for (const raw of splitList(text)) {
    const key = map.get(fold(raw));
    if (key) out.push(key);
    else errors.push(`${column} : « ${raw} » inconnu (valeurs possibles : ${Object.values<string>(allowed).join(", ")}).`);
  }
  return out;
}

export type ParsedCsvRecord = { ok: true; data: CsvStructure } | { ok: false; errors: string[] };

/**
 * A line (header → text) to a structure, or every reason it is refused, in French, by column.
 * `requireCoverage: false` lets through an entry that had no coverage already (an import must not
 * refuse a line for what it does not change).
 */
export function parseCsvRecord(record: CsvRecord, { requireCoverage = true }: { requireCoverage?: boolean } = {}): ParsedCsvRecord {
  const errors: string[] = [];
  const type = TYPE_BY_CODE.get(fold(record.type ?? ""));
  if (!type) {
    errors.push(
      record.type?.trim() ? `type : « ${record.type.trim()} » inconnu (valeurs possibles : ${Object.values(TYPE_CODES).join(", ")}).` : "type : obligatoire.",
    );
  }
  const capacityText = (record.capacite ?? "").trim();
  const capacityStatus = capacityText ? CAPACITY_BY_CODE.get(fold(capacityText)) : "AVAILABLE";
  if (!capacityStatus) errors.push(`capacite : « ${capacityText} » inconnue (valeurs possibles : ${Object.values(CAPACITY_CODES).join(", ")}).`);
  const hours = parseWeekText(record.horaires ?? "");
  if (!hours.ok) errors.push(`horaires : ${hours.error}`);
  const offers = (Object.entries(OFFER_COLUMNS) as [PlaceOfCare, CsvColumn][]).flatMap(([setting, column]) =>
    codes(record[column], NEED_BY_CODE, column, NEED_CODES, errors).map((need) => ({ need, setting })),
  );
  const ageText = (record.publics ?? "").trim();
  const ageGroups = ageText ? codes(ageText, AGE_BY_CODE, "publics", AGE_CODES, errors) : (["ADULT"] as AgeGroup[]);
  const territorySlug = (record.territoire ?? "").trim() || null;
  const coverageTerritorySlugs = [...new Set(splitCodes(record.territoires_couverts))].sort();

  const parsed = (requireCoverage ? ZStructure : ZStructureFields).safeParse({
    externalId: record.identifiant_externe,
    name: record.nom,
    type: type ?? "OTHER",
    finess: record.finess,
    territoryId: null,
    addressCommuneCode: record.commune_adresse,
    address: record.adresse,
    coverageCommuneCodes: record.communes_couvertes,
    coverageDepartmentCodes: record.departements_couverts,
    // Territories are checked by slug by the import; a placeholder keeps "no coverage at all" honest.
    coverageTerritoryIds: coverageTerritorySlugs,
    ageGroups,
    offers,
    phone: record.telephone,
    secureEmail: record.messagerie_securisee,
    openingHours: hours.ok ? hours.value : null,
    hoursNote: record.precision_horaires,
    onCall24h: yesNo(record.astreinte_24h, "astreinte_24h", errors, false),
    referentName: record.referent_nom,
    referentPhone: record.referent_telephone,
    backupName: record.suppleant_nom,
    backupPhone: record.suppleant_telephone,
    beds: record.lits,
    capacityStatus: capacityStatus ?? "AVAILABLE",
    capacitySince: record.capacite_depuis,
    capacityConfirmedAt: record.capacite_confirmee_le,
    description: record.description,
    active: yesNo(record.active, "active", errors, true),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field === "coverage") {
        errors.push(`communes_couvertes, departements_couverts, territoires_couverts : ${issue.message}`);
        continue;
      }
      const column = FIELD_COLUMN[field];
      // The schema's own messages already name the field in French; the column name says where.
      errors.push(column ? `${column} : ${stripLabel(issue.message)}` : issue.message);
    }
  }
  if (!record.identifiant_externe?.trim() && !record.finess?.trim()) {
    errors.push(
      "identifiant_externe : obligatoire quand il n'y a pas de numéro FINESS (c'est la clé qui permet de réimporter le fichier sans créer de doublon).",
    );
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  const { territoryId: _territoryId, coverageTerritoryIds: _ids, ...rest } = parsed.data;
  return { ok: true, data: { ...rest, territorySlug, coverageTerritorySlugs } };
}

// "Lits : un nombre entier est attendu." → "un nombre entier est attendu." (the column is named).
function stripLabel(message: string): string {
  const m = /^[^:]{1,60} : (.+)$/.exec(message);
  return m?.[1] ?? message;
}

const join = (values: readonly string[]) => values.join(", ");

/** A structure to a line (the export); parseCsvRecord(toCsvRecord(s)) gives s back. */
export function toCsvRecord(s: CsvStructure): Record<CsvColumn, string> {
  const offersIn = (setting: PlaceOfCare) => join(s.offers.filter((o) => o.setting === setting).map((o) => NEED_CODES[o.need]));
  return {
    identifiant_externe: s.externalId ?? "",
    nom: s.name,
    type: TYPE_CODES[s.type],
    finess: s.finess ?? "",
    territoire: s.territorySlug ?? "",
    commune_adresse: s.addressCommuneCode ?? "",
    adresse: s.address ?? "",
    communes_couvertes: join(s.coverageCommuneCodes),
    departements_couverts: join(s.coverageDepartmentCodes),
    territoires_couverts: join(s.coverageTerritorySlugs),
    publics: join(s.ageGroups.map((g) => AGE_CODES[g])),
    offres_domicile: offersIn("HOME"),
    offres_ehpad: offersIn("NURSING_HOME"),
    offres_hopital: offersIn("HOSPITAL"),
    offres_autre_lieu: offersIn("OTHER"),
    telephone: s.phone ?? "",
    messagerie_securisee: s.secureEmail ?? "",
    horaires: formatWeekText(s.openingHours),
    precision_horaires: s.hoursNote ?? "",
    astreinte_24h: s.onCall24h ? "oui" : "non",
    referent_nom: s.referentName ?? "",
    referent_telephone: s.referentPhone ?? "",
    suppleant_nom: s.backupName ?? "",
    suppleant_telephone: s.backupPhone ?? "",
    lits: s.beds === null ? "" : String(s.beds),
    capacite: CAPACITY_CODES[s.capacityStatus],
    capacite_depuis: s.capacitySince ? formatDate(s.capacitySince) : "",
    capacite_confirmee_le: s.capacityConfirmedAt ? formatDate(s.capacityConfirmedAt) : "",
    description: s.description ?? "",
    active: s.active ? "oui" : "non",
  };
}
