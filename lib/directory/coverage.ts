// Where a structure intervenes: listed communes ∪ whole départements ∪ whole territories. Pure:
// the SQL twin of coversCommune is in search-structures.ts (same three conditions, GIN indexes).

export type Coverage = {
  coverageCommuneCodes: readonly string[];
  coverageDepartmentCodes: readonly string[];
  coverageTerritoryIds: readonly string[];
};

/** A commune as coverage sees it: its code, its département and the territories it belongs to. */
export type CommunePlace = { code: string; departmentCode: string; territoryIds: readonly string[] };

export type CoverageMatch = "commune" | "department" | "territory";

/** How the structure covers the commune (the most precise reason first), or null if it does not. */
export function coverageMatch(coverage: Coverage, commune: CommunePlace): CoverageMatch | null {
  if (coverage.coverageCommuneCodes.includes(commune.code)) return "commune";
  if (coverage.coverageDepartmentCodes.includes(commune.departmentCode)) return "department";
  if (commune.territoryIds.some((id) => coverage.coverageTerritoryIds.includes(id))) return "territory";
  return null;
}

export function coversCommune(coverage: Coverage, commune: CommunePlace): boolean {
  return coverageMatch(coverage, commune) !== null;
}

export type CoverageNames = {
  communes: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
  territories: ReadonlyMap<string, string>;
};

const LISTED_COMMUNES = 3;

/**
 * One line for a result card: "Département Meuse (55) · Territoire Meuse Sud (Bar-le-Duc) ·
 * Bar-le-Duc, Fains-Véel, Ligny-en-Barrois et 8 autres communes". Unknown codes are shown as codes.
 */
export function summarizeCoverage(coverage: Coverage, names: CoverageNames): string {
  const parts: string[] = [];
  const departments = coverage.coverageDepartmentCodes.map((code) => `${names.departments.get(code) ?? "Département"} (${code})`);
  if (departments.length) parts.push(`${departments.length > 1 ? "Départements" : "Département"} ${departments.join(", ")}`);
  const territories = coverage.coverageTerritoryIds.map((id) => names.territories.get(id) ?? "territoire inconnu");
  if (territories.length) parts.push(`${territories.length > 1 ? "Territoires" : "Territoire"} ${territories.join(", ")}`);
  const codes = coverage.coverageCommuneCodes;
  const shown = communesToName(coverage).map((code) => names.communes.get(code) ?? code);
  if (codes.length > shown.length) parts.push(`${shown.join(", ")} et ${codes.length - shown.length} autres communes`);
  else if (shown.length) parts.push(shown.join(", "));
  return parts.length ? parts.join(" · ") : "Zone non renseignée";
}

/**
 * The communes summarizeCoverage names (in stored order, i.e. by INSEE code, so that a structure
 * covering 500 communes costs 3 name lookups): all of them up to 4, else the first 3.
 */
export function communesToName(coverage: Coverage): string[] {
  const codes = coverage.coverageCommuneCodes;
  return codes.slice(0, codes.length > LISTED_COMMUNES + 1 ? LISTED_COMMUNES : codes.length);
}
