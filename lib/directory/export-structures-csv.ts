// CSV export of the directory, in the import's format (see import-structures-csv.ts): exporting then
// importing the file changes nothing. Coordinators export the structures of their territories,
// admins everything; inactive entries are included (column "active").
import { stringify } from "csv-stringify/sync";
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { editableStructureScope } from "@/lib/authz/scopes";
import { CSV_COLUMNS, toCsvRecord } from "@/lib/directory/csv-row";
import { STRUCTURE_DATA_SELECT, toStructureData } from "@/lib/directory/structure-data";

const PAGE = 2000;

/** The file's text: UTF-8 with a BOM (Excel then reads the accents), ";" separated, CRLF. */
export async function exportStructuresCsv({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<string> {
  assertCan(actor, "directory.import");
  const territories = await db.territory.findMany({ select: { id: true, slug: true } });
  const slugById = new Map(territories.map((t) => [t.id, t.slug]));
  const records: Record<string, string>[] = [];
  // Keyset pages: a national directory (~20,000 entries) is read in a few queries, never at once.
  let after: string | undefined;
  for (;;) {
    const rows = await db.structure.findMany({
      where: { AND: [editableStructureScope(actor), after ? { id: { gt: after } } : {}] },
      select: STRUCTURE_DATA_SELECT,
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      const data = toStructureData(row);
      records.push(
        toCsvRecord({
          ...data,
          // An entry made before external ids existed is keyed by its internal id (the import
          // recognises it), so that the round trip holds for every line.
          externalId: data.externalId ?? row.id,
          territorySlug: data.territoryId ? (slugById.get(data.territoryId) ?? null) : null,
          coverageTerritorySlugs: data.coverageTerritoryIds.map((id) => slugById.get(id) ?? id),
        }),
      );
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  records.sort((a, b) => (a.nom ?? "").localeCompare(b.nom ?? "", "fr") || (a.identifiant_externe ?? "").localeCompare(b.identifiant_externe ?? ""));
  return stringify(records, { header: true, columns: [...CSV_COLUMNS], delimiter: ";", bom: true, record_delimiter: "windows" });
}
