// The commune choices of the request forms (the GP's, the public one, the coordinator's phone
// intake): what the autocomplete endpoint sends to any visitor. Reference geography and the public
// name of the covering territory only — never patient data.
import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { cleanText } from "@/lib/text-schemas";
import { findTerritoryForCommune, searchCommunes } from "@/lib/geography/queries";

export const ZCommuneQuery = z.object({
  q: z
    .string({ error: "Saisissez au moins 2 caractères du nom ou du code postal." })
    .overwrite((v) => cleanText(v))
    .trim()
    .min(2, "Saisissez au moins 2 caractères du nom ou du code postal.")
    .max(80, "Recherche trop longue (80 caractères au maximum)."),
  limit: z.coerce.number().int().min(1).max(20).catch(8),
});

// What goes out: declared fields only (the response is passed through this schema).
export const ZCommuneOption = z.object({
  code: z.string(),
  name: z.string(),
  postalCodes: z.array(z.string()),
  departmentCode: z.string(),
  territory: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type CommuneOption = z.infer<typeof ZCommuneOption>;

export async function searchCommuneOptions({ query, limit = 8, db = prisma }: { query: string; limit?: number; db?: Db }): Promise<CommuneOption[]> {
  const communes = await searchCommunes({ prisma: db, query, limit });
  return communes.map((c) => ZCommuneOption.parse({ ...c, territory: c.territory ?? null }));
}

// One commune by its INSEE code, as the autocomplete would show it: a form sent back with errors
// shows the commune the user had chosen (the browser only posts its code).
export async function findCommuneOption({ code, db = prisma }: { code: unknown; db?: Db }): Promise<CommuneOption | null> {
  if (typeof code !== "string" || !/^(?:\d{5}|2[AB]\d{3})$/.test(code)) return null;
  const commune = await db.commune.findUnique({ where: { code }, select: { code: true, name: true, postalCodes: true, departmentCode: true } });
  if (!commune) return null;
  const territory = await findTerritoryForCommune({ prisma: db, communeCode: code });
  return ZCommuneOption.parse({ ...commune, territory: territory ? { id: territory.id, name: territory.name } : null });
}

// What a refused request form needs back besides what was typed: the commune the person had
// chosen, as the autocomplete shows it (formAction's `echo`). Not in the "use server" modules:
// every async function exported there is an endpoint a browser can call.
export type CommuneEcho = { commune: CommuneOption | null };
export async function echoCommune(raw: Record<string, unknown>): Promise<CommuneEcho> {
  return { commune: await findCommuneOption({ code: raw.communeCode }) };
}
