// Demo territories: the areas of the seed documents (Lorraine: Meuse, Meurthe-et-Moselle, Vosges;
// PACA: Bouches-du-Rhône, Alpes-Maritimes). Their communes are defined by rules over the INSEE data
// (a département, optionally restricted to arrondissements), never by hand-typed lists, so that a
// newer vintage of the reference data (communes merged or split) keeps them right.
//
// Contact details are fictitious: phone numbers are taken in the ranges ARCEP reserves for
// audiovisual fiction (03 53 01 xx xx, 04 65 71 xx xx), so that no demo can ring a real line;
// e-mails use the reserved .example domain.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { readCommunes, type CommuneRow } from "./reference-data";
import { ZOpeningHours, ZServiceLevels, type TOpeningHours, type TServiceLevels } from "./schemas";

export interface DemoTerritoryArea {
  departmentCode: string;
  /** Keep only these INSEE arrondissements of the département. */
  arrondissementCodes?: readonly string[];
  /** Keep the whole département except these arrondissements. */
  exceptArrondissementCodes?: readonly string[];
}

export interface DemoTerritoryDefinition {
  slug: string;
  name: string;
  departmentCode: string;
  publicPhone: string;
  email: string;
  openingHours: TOpeningHours;
  serviceLevels: TServiceLevels;
  area: DemoTerritoryArea;
}

// What the GPs of seed 002 asked for: reachable at least 8:00-20:00 on weekdays.
const WEEKDAYS_8_TO_20_SATURDAY_MORNING: TOpeningHours = {
  mon: [["08:00", "20:00"]],
  tue: [["08:00", "20:00"]],
  wed: [["08:00", "20:00"]],
  thu: [["08:00", "20:00"]],
  fri: [["08:00", "20:00"]],
  sat: [["09:00", "13:00"]],
  sun: [],
};

// An on-call nurse every day, 8:00–20:00, public holidays included (the GPs asked for 8:00–20:00).
const EVERY_DAY_8_TO_20: TOpeningHours = {
  mon: [["08:00", "20:00"]],
  tue: [["08:00", "20:00"]],
  wed: [["08:00", "20:00"]],
  thu: [["08:00", "20:00"]],
  fri: [["08:00", "20:00"]],
  sat: [["08:00", "20:00"]],
  sun: [["08:00", "20:00"]],
};

// A larger territory (a 24-hour palliative line behind the coordination): a crisis is triaged
// within 2 h and gets a specialist contact within 24 h, day and night, weekends and holidays
// included. Planned: triaged the next working day, first contact within 5 days (opening hours).
const STANDARD_SERVICE_LEVELS: TServiceLevels = {
  triageHoursCrisis: 2,
  triageHoursPlanned: 24,
  firstContactHoursCrisis: 24,
  firstContactHoursPlanned: 120,
  crisisClock: "CALENDAR",
  onCallHours: null,
};

// A rural territory with a smaller team has no night line: its crisis delays run on its on-call
// hours, every day 8:00–20:00 — triaged within 4 of them, contacted within 24 of them, which is
// 48 real hours at the very worst (filed at 20:00: the next two days' on-call).
const RURAL_SERVICE_LEVELS: TServiceLevels = {
  triageHoursCrisis: 4,
  triageHoursPlanned: 24,
  firstContactHoursCrisis: 24,
  firstContactHoursPlanned: 120,
  crisisClock: "ON_CALL",
  onCallHours: EVERY_DAY_8_TO_20,
};

// INSEE arrondissement 553 = Verdun (551 Bar-le-Duc, 552 Commercy).
const ARRONDISSEMENT_VERDUN = "553";

export const DEMO_TERRITORIES: readonly DemoTerritoryDefinition[] = [
  {
    slug: "meuse-nord",
    name: "Meuse Nord (Verdun)",
    departmentCode: "55",
    publicPhone: "03 53 01 55 10",
    email: "meuse-nord@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: RURAL_SERVICE_LEVELS,
    area: { departmentCode: "55", arrondissementCodes: [ARRONDISSEMENT_VERDUN] },
  },
  {
    slug: "meuse-sud",
    name: "Meuse Sud (Bar-le-Duc)",
    departmentCode: "55",
    publicPhone: "03 53 01 55 20",
    email: "meuse-sud@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: RURAL_SERVICE_LEVELS,
    // "The rest of Meuse" rather than a list of arrondissements: no Meuse commune is left out.
    area: { departmentCode: "55", exceptArrondissementCodes: [ARRONDISSEMENT_VERDUN] },
  },
  {
    slug: "meurthe-et-moselle",
    name: "Meurthe-et-Moselle",
    departmentCode: "54",
    publicPhone: "03 53 01 54 00",
    email: "meurthe-et-moselle@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: STANDARD_SERVICE_LEVELS,
    area: { departmentCode: "54" },
  },
  {
    slug: "vosges",
    name: "Vosges",
    departmentCode: "88",
    publicPhone: "03 53 01 88 00",
    email: "vosges@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: RURAL_SERVICE_LEVELS,
    area: { departmentCode: "88" },
  },
  {
    slug: "bouches-du-rhone",
    name: "Bouches-du-Rhône",
    departmentCode: "13",
    publicPhone: "04 65 71 13 00",
    email: "bouches-du-rhone@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: STANDARD_SERVICE_LEVELS,
    area: { departmentCode: "13" },
  },
  {
    slug: "alpes-maritimes",
    name: "Alpes-Maritimes",
    departmentCode: "06",
    publicPhone: "04 65 71 06 00",
    email: "alpes-maritimes@demo.maillage.example",
    openingHours: WEEKDAYS_8_TO_20_SATURDAY_MORNING,
    serviceLevels: STANDARD_SERVICE_LEVELS,
    area: { departmentCode: "06" },
  },
];

export function isInArea(commune: CommuneRow, area: DemoTerritoryArea): boolean {
  if (commune.departmentCode !== area.departmentCode) return false;
  const arrondissement = commune.arrondissementCode ?? "";
  if (area.arrondissementCodes && !area.arrondissementCodes.includes(arrondissement)) return false;
  if (area.exceptArrondissementCodes?.includes(arrondissement)) return false;
  return true;
}

/** INSEE codes of the communes a demo territory covers, sorted. */
export function demoTerritoryCommuneCodes(definition: DemoTerritoryDefinition, communes: readonly CommuneRow[] = readCommunes()): string[] {
  return communes
    .filter((c) => isInArea(c, definition.area))
    .map((c) => c.code)
    .sort();
}

export interface DemoTerritoryLoadResult {
  slug: string;
  id: string;
  communes: number;
  added: number;
  removed: number;
}

/**
 * Creates or updates the demo territories (by slug) and sets their communes to exactly the ones
 * their rule selects. Requires the reference geography (loadReferenceGeography) to be loaded.
 */
export async function loadDemoTerritories({ prisma, log }: { prisma: PrismaClient; log?: (message: string) => void }): Promise<DemoTerritoryLoadResult[]> {
  const communes = readCommunes();
  const plans = DEMO_TERRITORIES.map((definition) => {
    // Demo data crosses the same schemas as the admin forms.
    ZOpeningHours.parse(definition.openingHours);
    ZServiceLevels.parse(definition.serviceLevels);
    const codes = demoTerritoryCommuneCodes(definition, communes);
    if (codes.length === 0) throw new Error(`Territoire de démonstration ${definition.slug} : aucune commune.`);
    return { definition, codes };
  });

  const wanted = plans.flatMap((p) => p.codes);
  const present = await prisma.commune.count({ where: { code: { in: wanted } } });
  if (present !== wanted.length) {
    throw new Error(
      `Référentiel géographique incomplet (${present}/${wanted.length} communes des territoires de démonstration) : ` +
        "chargez-le d'abord (loadReferenceGeography).",
    );
  }

  const results: DemoTerritoryLoadResult[] = [];
  for (const { definition: d, codes } of plans) {
    const fields = {
      name: d.name,
      departmentCode: d.departmentCode,
      publicPhone: d.publicPhone,
      email: d.email,
      openingHours: d.openingHours,
      ...d.serviceLevels,
      onCallHours: d.serviceLevels.onCallHours ?? Prisma.DbNull,
      isDemo: true,
    };
    const result = await prisma.$transaction(async (tx) => {
      const territory = await tx.territory.upsert({
        where: { slug: d.slug },
        create: { slug: d.slug, ...fields },
        update: fields,
        select: { id: true },
      });
      const removed = await tx.territoryCommune.deleteMany({
        where: { territoryId: territory.id, communeCode: { notIn: codes } },
      });
      const added = await tx.territoryCommune.createMany({
        data: codes.map((communeCode) => ({ territoryId: territory.id, communeCode })),
        skipDuplicates: true,
      });
      return { slug: d.slug, id: territory.id, communes: codes.length, added: added.count, removed: removed.count };
    });
    log?.(`${d.name} : ${result.communes} communes (+${result.added}, -${result.removed}).`);
    results.push(result);
  }
  return results;
}
