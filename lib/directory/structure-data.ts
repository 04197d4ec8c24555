// What the form, the CSV import and the seed share: a structure's editable data read back from the
// database in the schema's normalised shape, the list of fields that differ (for "unchanged" and
// for the event), the references to check, and the write itself.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sortOffers, type TStructureData } from "@/lib/directory/schemas";
import { formatDate } from "@/lib/time";
import { WEEKDAYS, type TOpeningHours } from "@/lib/geography/schemas";

export const STRUCTURE_DATA_SELECT = {
  id: true,
  version: true,
  externalId: true,
  name: true,
  type: true,
  finess: true,
  territoryId: true,
  addressCommuneCode: true,
  address: true,
  coverageCommuneCodes: true,
  coverageDepartmentCodes: true,
  coverageTerritoryIds: true,
  ageGroups: true,
  phone: true,
  secureEmail: true,
  openingHours: true,
  hoursNote: true,
  onCall24h: true,
  referentName: true,
  referentPhone: true,
  backupName: true,
  backupPhone: true,
  beds: true,
  capacityStatus: true,
  capacitySince: true,
  capacityConfirmedAt: true,
  description: true,
  active: true,
  offers: { select: { need: true, setting: true } },
} satisfies Prisma.StructureSelect;

export type StructureRow = Prisma.StructureGetPayload<{ select: typeof STRUCTURE_DATA_SELECT }>;

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/** A row as the schema would have produced it (lists sorted, offers ordered). */
export function toStructureData(row: StructureRow): TStructureData {
  return {
    externalId: row.externalId,
    name: row.name,
    type: row.type,
    finess: row.finess,
    territoryId: row.territoryId,
    addressCommuneCode: row.addressCommuneCode,
    address: row.address,
    coverageCommuneCodes: sorted(row.coverageCommuneCodes),
    coverageDepartmentCodes: sorted(row.coverageDepartmentCodes),
    coverageTerritoryIds: sorted(row.coverageTerritoryIds),
    ageGroups: [...row.ageGroups].sort((a, b) => (a === b ? 0 : a === "ADULT" ? -1 : 1)),
    offers: sortOffers(row.offers),
    phone: row.phone,
    secureEmail: row.secureEmail,
    openingHours: (row.openingHours ?? null) as TOpeningHours | null,
    hoursNote: row.hoursNote,
    onCall24h: row.onCall24h,
    referentName: row.referentName,
    referentPhone: row.referentPhone,
    backupName: row.backupName,
    backupPhone: row.backupPhone,
    beds: row.beds,
    capacityStatus: row.capacityStatus,
    capacitySince: row.capacitySince,
    capacityConfirmedAt: row.capacityConfirmedAt,
    description: row.description,
    active: row.active,
  };
}

export type StructureField = keyof TStructureData;

// Dates compare by calendar day in Paris: the CSV and the forms carry days, not instants.
function same(field: StructureField, a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (a instanceof Date ? formatDate(a) : null) === (b instanceof Date ? formatDate(b) : null);
  }
  // jsonb keeps its keys in its own order ("fri" before "mon"): compare day by day.
  if (field === "openingHours") return JSON.stringify(weekOrder(a)) === JSON.stringify(weekOrder(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

function weekOrder(hours: unknown): unknown {
  if (!hours || typeof hours !== "object") return null;
  const days = hours as Record<string, unknown>;
  return WEEKDAYS.map((day) => days[day] ?? []);
}

/** The fields of `next` that differ from `before` (only those present in `next`). */
export function changedFields(before: TStructureData, next: Partial<TStructureData>): StructureField[] {
  return (Object.keys(next) as StructureField[]).filter((field) => next[field] !== undefined && !same(field, before[field], next[field]));
}

/** Column values of the structure table (offers are written by writeOffers). */
export function structureColumns(data: Partial<TStructureData>): Prisma.StructureUncheckedUpdateInput {
  const { offers: _offers, openingHours, ...rest } = data;
  const columns: Prisma.StructureUncheckedUpdateInput = { ...rest };
  if (openingHours !== undefined) columns.openingHours = openingHours === null ? Prisma.DbNull : openingHours;
  return columns;
}

/** Column values of a new structure (offers are written by writeOffers). */
export function createColumns(data: TStructureData): Omit<Prisma.StructureUncheckedCreateInput, "offers"> {
  const { offers: _offers, openingHours, ...rest } = data;
  return { ...rest, openingHours: openingHours ?? Prisma.DbNull };
}

export async function writeOffers(tx: Tx, structureId: string, offers: TStructureData["offers"]): Promise<void> {
  await tx.structureOffer.deleteMany({ where: { structureId } });
  if (offers.length) await tx.structureOffer.createMany({ data: offers.map((o) => ({ structureId, ...o })) });
}

/**
 * Updates the columns that changed, on the version the person saw: someone else's change in
 * between makes it a conflict, never a silent overwrite. Returns the new version.
 */
export async function updateOnVersion(tx: Tx, id: string, version: number, data: Partial<TStructureData>): Promise<number> {
  const { count } = await tx.structure.updateMany({
    where: { id, version },
    data: { ...(structureColumns(data) as Prisma.StructureUncheckedUpdateManyInput), version: { increment: 1 } },
  });
  if (count === 0) {
    throw new AppError(
      "CONFLICT",
      "Cette fiche a été modifiée par quelqu'un d'autre entre-temps : rechargez la page pour voir sa version actuelle, puis refaites votre modification.",
    );
  }
  if (data.offers) await writeOffers(tx, id, data.offers);
  return version + 1;
}

/** Codes and ids a structure refers to that do not exist, as field errors in French. */
export async function checkReferences(
  db: Db | Tx,
  data: Partial<Pick<TStructureData, "addressCommuneCode" | "coverageCommuneCodes" | "coverageDepartmentCodes" | "coverageTerritoryIds" | "territoryId">>,
): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const communes = [...new Set([...(data.coverageCommuneCodes ?? []), ...(data.addressCommuneCode ? [data.addressCommuneCode] : [])])];
  const territories = [...new Set([...(data.coverageTerritoryIds ?? []), ...(data.territoryId ? [data.territoryId] : [])])];
  const [knownCommunes, knownDepartments, knownTerritories] = await Promise.all([
    communes.length ? db.commune.findMany({ where: { code: { in: communes } }, select: { code: true } }) : [],
    data.coverageDepartmentCodes?.length ? db.department.findMany({ where: { code: { in: data.coverageDepartmentCodes } }, select: { code: true } }) : [],
    territories.length ? db.territory.findMany({ where: { id: { in: territories } }, select: { id: true } }) : [],
  ]);
  const communeSet = new Set(knownCommunes.map((c) => c.code));
  const departmentSet = new Set(knownDepartments.map((d) => d.code));
  const territorySet = new Set(knownTerritories.map((t) => t.id));
  if (data.addressCommuneCode && !communeSet.has(data.addressCommuneCode)) errors.addressCommuneCode = [`Commune inconnue : ${data.addressCommuneCode}.`];
  const unknownCommunes = (data.coverageCommuneCodes ?? []).filter((c) => !communeSet.has(c));
  if (unknownCommunes.length)
    errors.coverageCommuneCodes = [`Communes inconnues : ${unknownCommunes.slice(0, 10).join(", ")}${unknownCommunes.length > 10 ? "…" : ""}.`];
  const unknownDepartments = (data.coverageDepartmentCodes ?? []).filter((d) => !departmentSet.has(d));
  if (unknownDepartments.length) errors.coverageDepartmentCodes = [`Départements inconnus : ${unknownDepartments.join(", ")}.`];
  if ((data.coverageTerritoryIds ?? []).some((t) => !territorySet.has(t))) errors.coverageTerritoryIds = ["Territoire inconnu : rechargez la page."];
  if (data.territoryId && !territorySet.has(data.territoryId)) errors.territoryId = ["Territoire inconnu : rechargez la page."];
  return errors;
}

/** A FINESS or an external id already used by another structure: the field error to show. */
export async function checkUniqueKeys(db: Db | Tx, data: Pick<TStructureData, "finess" | "externalId">, exceptId?: string): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const [byFiness, byExternalId] = await Promise.all([
    data.finess ? db.structure.findFirst({ where: { finess: data.finess, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } }) : null,
    data.externalId
      ? db.structure.findFirst({ where: { externalId: data.externalId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } })
      : null,
  ]);
  if (byFiness) errors.finess = [`Ce numéro FINESS est déjà celui de « ${byFiness.name} ».`];
  if (byExternalId) errors.externalId = [`Cet identifiant externe est déjà celui de « ${byExternalId.name} ».`];
  return errors;
}

export function assertNoFieldErrors(errors: Record<string, string[]>): void {
  if (Object.keys(errors).length > 0) throw new AppError("INVALID_INPUT", "Certains champs sont à corriger.", errors);
}
