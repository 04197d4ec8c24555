// Reads of the directory: a structure's page, the edit forms' values, the territories to choose
// from. The directory holds no patient data: every professional reads the same (directory.read);
// edits are scoped in the use cases.
import { prisma, type Db } from "@/lib/db";
import { parisIsoDay } from "@/lib/time";
import type { Actor } from "@/lib/authz/actor";
import { editableStructureScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import type { AgeGroup, CapacityStatus, Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import type { TOpeningHours } from "@/lib/geography/schemas";
import { formatDayRanges } from "@/lib/geography/hours-text";
import { WEEKDAYS } from "@/lib/geography/schemas";
import { STRUCTURE_DATA_SELECT, toStructureData } from "@/lib/directory/structure-data";
import type { TStructureData } from "@/lib/directory/schemas";

export type StructureSummary = { id: string; name: string; type: string; phone: string | null; territoryName: string | null };

// The structures a team member belongs to.
export async function listActorStructures(actor: Actor): Promise<StructureSummary[]> {
  if (actor.structureIds.length === 0) return [];
  const rows = await prisma.structure.findMany({
    where: { id: { in: actor.structureIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, type: true, phone: true, territory: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, phone: r.phone, territoryName: r.territory?.name ?? null }));
}

export type StructureDetails = {
  id: string;
  version: number;
  name: string;
  type: StructureType;
  finess: string | null;
  externalId: string | null;
  territoryId: string | null;
  territory: { id: string; name: string } | null;
  address: string | null;
  addressCommune: { code: string; name: string; postalCode: string | null } | null;
  coverage: {
    communes: { code: string; name: string }[];
    departments: { code: string; name: string }[];
    territories: { id: string; name: string }[];
  };
  ageGroups: AgeGroup[];
  offers: { need: Need; setting: PlaceOfCare }[];
  phone: string | null;
  secureEmail: string | null;
  openingHours: TOpeningHours | null;
  hoursNote: string | null;
  onCall24h: boolean;
  referentName: string | null;
  referentPhone: string | null;
  backupName: string | null;
  backupPhone: string | null;
  beds: number | null;
  capacityStatus: CapacityStatus;
  capacitySince: Date | null;
  capacityConfirmedAt: Date | null;
  description: string | null;
  active: boolean;
  isDemo: boolean;
  updatedAt: Date;
};

/** Everything about one structure, names resolved. NOT_FOUND when it does not exist. */
export async function getStructureDetails({ id, db = prisma }: { id: string; db?: Db }): Promise<StructureDetails> {
  const s = await db.structure.findUnique({
    where: { id },
    select: {
      ...STRUCTURE_DATA_SELECT,
      isDemo: true,
      updatedAt: true,
      territory: { select: { id: true, name: true } },
      addressCommune: { select: { code: true, name: true, postalCodes: true } },
    },
  });
  if (!s) throw new AppError("NOT_FOUND", "Cette structure n'existe pas ou plus.");
  const [communes, departments, territories] = await Promise.all([
    s.coverageCommuneCodes.length
      ? db.commune.findMany({ where: { code: { in: s.coverageCommuneCodes } }, select: { code: true, name: true }, orderBy: { name: "asc" } })
      : [],
    s.coverageDepartmentCodes.length
      ? db.department.findMany({ where: { code: { in: s.coverageDepartmentCodes } }, select: { code: true, name: true }, orderBy: { code: "asc" } })
      : [],
    s.coverageTerritoryIds.length
      ? db.territory.findMany({ where: { id: { in: s.coverageTerritoryIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
      : [],
  ]);
  const data = toStructureData(s);
  return {
    ...data,
    id: s.id,
    version: s.version,
    territory: s.territory,
    addressCommune: s.addressCommune ? { code: s.addressCommune.code, name: s.addressCommune.name, postalCode: s.addressCommune.postalCodes[0] ?? null } : null,
    coverage: { communes, departments, territories },
    isDemo: s.isDemo,
    updatedAt: s.updatedAt,
  };
}

export type TerritoryOption = { id: string; slug: string; name: string; departmentCode: string };

/** Every territory (coverage checkboxes, the admin's choice of administering territory). */
export async function listTerritoryOptions({ db = prisma }: { db?: Db } = {}): Promise<TerritoryOption[]> {
  return db.territory.findMany({ select: { id: true, slug: true, name: true, departmentCode: true }, orderBy: [{ departmentCode: "asc" }, { name: "asc" }] });
}

/** The form's text for each field, as the edit form shows it (hours one field per day). */
export type StructureFormValues = Record<string, string | string[]>;

export function toFormValues(data: TStructureData): StructureFormValues {
  const values: StructureFormValues = {
    name: data.name,
    type: data.type,
    externalId: data.externalId ?? "",
    finess: data.finess ?? "",
    territoryId: data.territoryId ?? "",
    addressCommuneCode: data.addressCommuneCode ?? "",
    address: data.address ?? "",
    coverageCommuneCodes: data.coverageCommuneCodes,
    coverageDepartmentCodes: data.coverageDepartmentCodes.join(", "),
    coverageTerritoryIds: data.coverageTerritoryIds,
    ageGroups: data.ageGroups,
    offers: data.offers.map((o) => `${o.need}:${o.setting}`),
    phone: data.phone ?? "",
    secureEmail: data.secureEmail ?? "",
    hoursNote: data.hoursNote ?? "",
    onCall24h: data.onCall24h ? "on" : "",
    referentName: data.referentName ?? "",
    referentPhone: data.referentPhone ?? "",
    backupName: data.backupName ?? "",
    backupPhone: data.backupPhone ?? "",
    beds: data.beds === null ? "" : String(data.beds),
    capacityStatus: data.capacityStatus,
    capacitySince: data.capacitySince ? parisIsoDay(data.capacitySince) : "",
    description: data.description ?? "",
  };
  for (const day of WEEKDAYS) values[`hours_${day}`] = formatDayRanges(data.openingHours?.[day]);
  return values;
}

export type StructureForEdit = {
  id: string;
  version: number;
  name: string;
  territoryId: string | null;
  active: boolean;
  values: StructureFormValues;
  communes: { code: string; name: string; postalCodes: string[]; departmentCode: string }[];
};

/**
 * A structure the actor may edit, with its form values; NOT_FOUND otherwise (absent or outside the
 * actor's scope: we do not tell which).
 */
export async function getStructureForEdit({ actor, id, db = prisma }: { actor: Actor; id: string; db?: Db }): Promise<StructureForEdit> {
  const s = await db.structure.findFirst({ where: { AND: [{ id }, editableStructureScope(actor)] }, select: STRUCTURE_DATA_SELECT });
  if (!s) throw new AppError("NOT_FOUND", "Cette structure n'existe pas ou vous ne pouvez pas la modifier.");
  const codes = [...s.coverageCommuneCodes, ...(s.addressCommuneCode ? [s.addressCommuneCode] : [])];
  const communes = codes.length
    ? await db.commune.findMany({
        where: { code: { in: codes } },
        select: { code: true, name: true, postalCodes: true, departmentCode: true },
        orderBy: { name: "asc" },
      })
    : [];
  return { id: s.id, version: s.version, name: s.name, territoryId: s.territoryId, active: s.active, values: toFormValues(toStructureData(s)), communes };
}
