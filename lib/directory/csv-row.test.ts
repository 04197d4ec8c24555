import { describe, expect, test } from "vitest";
import { CSV_COLUMNS, parseCsvRecord, toCsvRecord, type CsvRecord, type CsvStructure } from "@/lib/directory/csv-row";

const LINE: CsvRecord = {
  identifiant_externe: "emsp-bld",
  nom: "EMSP de Bar-le-Duc",
  type: "emsp",
  finess: "550000004",
  territoire: "meuse-sud",
  commune_adresse: "55029",
  adresse: "1 boulevard d'Argonne",
  communes_couvertes: "",
  departements_couverts: "",
  territoires_couverts: "meuse-sud",
  publics: "adultes",
  offres_domicile: "douleur, soins_palliatifs",
  offres_ehpad: "soins_palliatifs",
  offres_hopital: "",
  offres_autre_lieu: "",
  telephone: "03 53 01 55 31",
  messagerie_securisee: "emsp@ch-bld.mssante.fr",
  horaires: "lun-ven 08:30-17:30",
  precision_horaires: "",
  astreinte_24h: "non",
  referent_nom: "Dr Anne Royer",
  referent_telephone: "0353015532",
  suppleant_nom: "",
  suppleant_telephone: "",
  lits: "",
  capacite: "liste_attente",
  capacite_depuis: "12/11/2026",
  capacite_confirmee_le: "20/11/2026",
  description: "",
  active: "oui",
};

function parsed(record: CsvRecord): CsvStructure {
  const result = parseCsvRecord(record);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.data;
}

describe("a CSV line", () => {
  test("French codes become the directory's values; territories stay slugs for the import to resolve", () => {
    expect(parsed(LINE)).toMatchObject({
      externalId: "emsp-bld",
      type: "EMSP",
      finess: "550000004",
      territorySlug: "meuse-sud",
      coverageTerritorySlugs: ["meuse-sud"],
      ageGroups: ["ADULT"],
      offers: [
        { need: "PAIN", setting: "HOME" },
        { need: "PALLIATIVE_CARE", setting: "HOME" },
        { need: "PALLIATIVE_CARE", setting: "NURSING_HOME" },
      ],
      referentPhone: "03 53 01 55 32",
      openingHours: { mon: [["08:30", "17:30"]], sat: [], sun: [] },
      capacityStatus: "WAITING_LIST",
      capacitySince: new Date("2026-11-12T12:00:00Z"),
      onCall24h: false,
      active: true,
    });
  });

  test("accents, case and the database codes are accepted too", () => {
    expect(
      parsed({
        ...LINE,
        type: "Consultation douleur",
        offres_domicile: "DOULEUR | PALLIATIVE_CARE",
        capacite: "Évaluation préalable",
        publics: "Enfants, adultes",
        astreinte_24h: "Oui",
      }),
    ).toMatchObject({
      type: "PAIN_CLINIC",
      capacityStatus: "ASSESSMENT_FIRST",
      ageGroups: ["ADULT", "CHILD"],
      onCall24h: true,
    });
  });

  test("every mistake is reported at once, by column, in French; nothing is half-read", () => {
    const result = parseCsvRecord({
      ...LINE,
      type: "hopital",
      finess: "550000005",
      offres_ehpad: "douleur, massage",
      telephone: "12",
      capacite: "plein",
      lits: "deux",
      horaires: "lun 18:00-08:00",
      astreinte_24h: "peut-être",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^type : « hopital » inconnu \(valeurs possibles : emsp, had/),
        "offres_ehpad : « massage » inconnu (valeurs possibles : douleur, symptomes, soins_palliatifs, psy_patient, psy_proches, nutrition, social, activite_physique, soins_domicile, repit, ethique).",
        expect.stringMatching(/^capacite : « plein » inconnue/),
        "horaires : lun : la fin (08:00) doit être après le début (18:00).",
        "astreinte_24h : « peut-être » ; oui ou non attendu.",
        "finess : la clé de contrôle ne correspond pas (faute de frappe ?).",
        "telephone : numéro invalide (10 chiffres, ex. 03 29 45 12 34).",
        "lits : un nombre entier est attendu.",
      ]),
    );
  });

  test("a line needs a key (external id or FINESS) and a coverage", () => {
    const result = parseCsvRecord({ ...LINE, identifiant_externe: "", finess: "", territoires_couverts: "" });
    expect(!result.ok && result.errors).toEqual([
      "communes_couvertes, departements_couverts, territoires_couverts : Indiquez la zone couverte : des communes, des départements ou des territoires.",
      expect.stringMatching(/^identifiant_externe : obligatoire quand il n'y a pas de numéro FINESS/),
    ]);
  });

  test("export then import gives the same structure back, column for column", () => {
    const structure = parsed(LINE);
    const record = toCsvRecord(structure);
    expect(Object.keys(record)).toEqual([...CSV_COLUMNS]);
    expect(parsed(record)).toEqual(structure);
    expect(toCsvRecord(parsed(record))).toEqual(record);
  });
});
