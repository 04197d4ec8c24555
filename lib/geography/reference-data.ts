// Reference geography read from @etalab/decoupage-administratif (INSEE Code officiel géographique).
// Pure functions: they read the package's JSON files and return rows shaped for our tables.
//
// Scope: metropolitan France and the five overseas départements-régions (DROM: 971-974, 976),
// i.e. 18 régions and 101 départements. The overseas collectivities (COM: Saint-Pierre-et-Miquelon,
// Polynésie, Nouvelle-Calédonie, TAAF...) are left out: they are not départements, have no ARS of
// the French health system in the same sense and would only add noise to the autocomplete.
// Only "commune-actuelle" entries are kept: communes déléguées / associées (former communes merged
// into a commune nouvelle) and the arrondissements municipaux of Paris, Lyon and Marseille are
// parts of a current commune, which carries their postal codes.
//
// The JSON is read lazily (on first call) with fs, never imported, so that importing this module
// for normalizeSearchName costs nothing and the 8.6 MB file never reaches a bundle or tsc.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface RegionRow {
  code: string;
  name: string;
}

export interface DepartmentRow {
  code: string;
  name: string;
  regionCode: string;
}

export interface CommuneRow {
  code: string;
  name: string;
  departmentCode: string;
  regionCode: string;
  /** INSEE arrondissement (e.g. "553" Verdun); null where there is none (Mayotte). Not stored:
   * it only serves the rules that define territories. */
  arrondissementCode: string | null;
  postalCodes: string[];
  population: number;
  searchName: string;
}

/** An EPCI (intercommunalité: CC, CA, CU, métropole): the communes it groups, by INSEE code. */
export interface EpciRow {
  code: string;
  name: string;
  communeCodes: string[];
}

export interface ArrondissementRow {
  code: string;
  name: string;
  departmentCode: string;
}

// Shapes of the package's JSON, limited to the fields we read.
interface RawRegion {
  code: string;
  nom: string;
  zone: string;
}
interface RawDepartment {
  code: string;
  nom: string;
  region: string;
  zone: string;
}
interface RawCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface RawEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}
interface RawArrondissement {
  code: string;
  nom: string;
  departement: string;
}

const INCLUDED_ZONES = new Set(["metro", "drom"]);

/**
 * Lower-case, accent-free, punctuation-free form of a place name, used for prefix search.
 * "Bar-le-Duc" → "bar le duc", "L'Haÿ-les-Roses" → "l hay les roses", "Œuilly" → "oeuilly".
 */
export function normalizeSearchName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const requireFromHere = createRequire(import.meta.url);
const cache = new Map<string, unknown>();

function readDataFile<T>(file: "regions" | "departements" | "communes" | "arrondissements" | "epci"): T[] {
  let data = cache.get(file);
  if (data === undefined) {
    const path = requireFromHere.resolve(`@etalab/decoupage-administratif/data/${file}.json`);
    data = JSON.parse(readFileSync(path, "utf8")) as unknown;
    if (!Array.isArray(data)) throw new Error(`@etalab/decoupage-administratif: ${file}.json is not an array`);
    cache.set(file, data);
  }
  return data as T[];
}

export function readRegions(): RegionRow[] {
  return readDataFile<RawRegion>("regions")
    .filter((r) => INCLUDED_ZONES.has(r.zone))
    .map((r) => ({ code: r.code, name: r.nom }));
}

export function readDepartments(): DepartmentRow[] {
  return readDataFile<RawDepartment>("departements")
    .filter((d) => INCLUDED_ZONES.has(d.zone))
    .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region }));
}

export function readCommunes(): CommuneRow[] {
  return readDataFile<RawCommune>("communes")
    .filter((c) => c.type === "commune-actuelle" && INCLUDED_ZONES.has(c.zone))
    .map((c) => ({
      code: c.code,
      name: c.nom,
      departmentCode: c.departement,
      regionCode: c.region,
      arrondissementCode: c.arrondissement ?? null,
      postalCodes: [...new Set(c.codesPostaux ?? [])].sort(),
      population: c.population ?? 0,
      searchName: normalizeSearchName(c.nom),
    }));
}

export function readArrondissements(): ArrondissementRow[] {
  return readDataFile<RawArrondissement>("arrondissements").map((a) => ({
    code: a.code,
    name: a.nom,
    departmentCode: a.departement,
  }));
}

/** The EPCIs (SIREN code, name, member communes): a territory's editor adds one at a time. */
export function readEpcis(): EpciRow[] {
  return readDataFile<RawEpci>("epci").map((e) => ({ code: e.code, name: e.nom, communeCodes: e.membres.map((m) => m.code) }));
}
