import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { ZChangeTerritoryCommunes, type TChangeTerritoryCommunes } from "@/lib/territories/schemas";

export type CommunesChange = {
  operation: "add" | "remove";
  /** What was picked, in words (« Meuse (55) », « CA du Grand Verdun », « Verdun »). */
  picked: string;
  communes: number;
  population: number;
  /** Communes taken from other territories (only when moving was asked). */
  movedFrom: { territoryId: string; name: string; communes: number }[];
};

const integer = new Intl.NumberFormat("fr-FR");

async function pickedCommunes(db: Db, data: ReturnType<typeof ZChangeTerritoryCommunes.parse>): Promise<{ label: string; code: string; codes: string[] }> {
  if (data.pick === "department") {
    const code = data.pickDepartment!;
    const department = await db.department.findUnique({ where: { code }, select: { name: true, communes: { select: { code: true } } } });
    if (!department) throw new AppError("INVALID_INPUT", "Département inconnu.", { pickDepartment: ["Choisissez le département dans la liste."] });
    return { label: `${department.name} (${code})`, code, codes: department.communes.map((c) => c.code) };
  }
  if (data.pick === "epci") {
    const code = data.pickEpci!;
    const epci = await db.epci.findUnique({ where: { code }, select: { name: true, communes: { select: { code: true } } } });
    if (!epci) throw new AppError("INVALID_INPUT", "Intercommunalité inconnue.", { pickEpci: ["Choisissez l'intercommunalité dans la liste."] });
    return { label: epci.name, code, codes: epci.communes.map((c) => c.code) };
  }
  const code = data.pickCommune!;
  const commune = await db.commune.findUnique({ where: { code }, select: { code: true, name: true } });
  if (!commune) throw new AppError("INVALID_INPUT", "Commune inconnue.", { pickCommune: ["Choisissez la commune dans la liste."] });
  return { label: commune.name, code, codes: [commune.code] };
}

/**
 * An administrator adds communes to a territory, or removes them: a whole département, an EPCI or
 * one commune. A commune is in one territory at a time: one already in another territory is moved
 * only when the administrator asked for it, and the refusal says from where (the territories and
 * how many communes). Each territory that lost communes gets its own event. Requests already filed
 * stay with the territory that received them.
 */
export async function changeTerritoryCommunes({
  actor,
  input,
  db = prisma,
}: {
  actor: Actor;
  input: Partial<TChangeTerritoryCommunes>;
  db?: Db;
}): Promise<CommunesChange> {
  assertCan(actor, "territories.manage");
  const data = ZChangeTerritoryCommunes.parse(input);
  const territory = await db.territory.findUnique({ where: { id: data.territoryId }, select: { id: true } });
  if (!territory) throw new AppError("NOT_FOUND", "Territoire introuvable.");
  const picked = await pickedCommunes(db, data);
  const event = { pick: data.pick, code: picked.code } as const;

  return db.$transaction(async (tx) => {
    if (data.operation === "remove") {
      const mine = await tx.territoryCommune.findMany({
        where: { territoryId: territory.id, communeCode: { in: picked.codes } },
        select: { communeCode: true },
      });
      if (mine.length === 0) {
        throw new AppError("INVALID_INPUT", `${picked.label} : aucune de ces communes n'est dans ce territoire.`, { pick: ["Rien à retirer."] });
      }
      const codes = mine.map((m) => m.communeCode);
      await tx.territoryCommune.deleteMany({ where: { territoryId: territory.id, communeCode: { in: codes } } });
      await recordEvent(tx, actor.id, {
        type: "territory.communes_changed",
        subjectType: "territory",
        subjectId: territory.id,
        data: { operation: "remove", ...event, added: 0, removed: codes.length, movedFrom: [], movedTo: null },
      });
      return { operation: "remove", picked: picked.label, communes: codes.length, population: await population(tx, codes), movedFrom: [] };
    }

    const links = await tx.territoryCommune.findMany({
      where: { communeCode: { in: picked.codes } },
      select: { communeCode: true, territoryId: true, territory: { select: { name: true } } },
    });
    const elsewhere = links.filter((l) => l.territoryId !== territory.id);
    const byTerritory = new Map<string, { territoryId: string; name: string; codes: string[] }>();
    for (const link of elsewhere) {
      const entry = byTerritory.get(link.territoryId) ?? { territoryId: link.territoryId, name: link.territory.name, codes: [] };
      entry.codes.push(link.communeCode);
      byTerritory.set(link.territoryId, entry);
    }
    const movedFrom = [...byTerritory.values()].sort((a, b) => b.codes.length - a.codes.length || a.name.localeCompare(b.name, "fr"));
    if (movedFrom.length > 0 && !data.move) {
      const where = movedFrom.map((m) => `${m.name} (${integer.format(m.codes.length)} commune${m.codes.length > 1 ? "s" : ""})`).join(", ");
      const message = `${picked.label} : ${integer.format(elsewhere.length)} commune${elsewhere.length > 1 ? "s appartiennent" : " appartient"} déjà à un autre territoire — ${where}. Une commune n'appartient qu'à un territoire : cochez « Déplacer » pour les rattacher à celui-ci.`;
      throw new AppError("INVALID_INPUT", message, { move: [message] });
    }
    const already = new Set(links.filter((l) => l.territoryId === territory.id).map((l) => l.communeCode));
    const codes = picked.codes.filter((c) => !already.has(c));
    if (codes.length === 0)
      throw new AppError("INVALID_INPUT", `${picked.label} : ces communes sont déjà toutes dans ce territoire.`, { pick: ["Rien à ajouter."] });
    for (const source of movedFrom) {
      await tx.territoryCommune.deleteMany({ where: { territoryId: source.territoryId, communeCode: { in: source.codes } } });
      await recordEvent(tx, actor.id, {
        type: "territory.communes_changed",
        subjectType: "territory",
        subjectId: source.territoryId,
        data: { operation: "remove", pick: "moved", code: picked.code, added: 0, removed: source.codes.length, movedFrom: [], movedTo: territory.id },
      });
    }
    // The unique commune_code refuses a commune another administrator attached meanwhile.
    await tx.territoryCommune.createMany({ data: codes.map((communeCode) => ({ territoryId: territory.id, communeCode })) });
    const moved = movedFrom.map((m) => ({ territoryId: m.territoryId, communes: m.codes.length }));
    await recordEvent(tx, actor.id, {
      type: "territory.communes_changed",
      subjectType: "territory",
      subjectId: territory.id,
      data: { operation: "add", ...event, added: codes.length, removed: 0, movedFrom: moved, movedTo: null },
    });
    return {
      operation: "add",
      picked: picked.label,
      communes: codes.length,
      population: await population(tx, codes),
      movedFrom: movedFrom.map((m) => ({ territoryId: m.territoryId, name: m.name, communes: m.codes.length })),
    };
  });
}

async function population(db: Pick<Db, "commune">, codes: string[]): Promise<number> {
  const sum = await db.commune.aggregate({ where: { code: { in: codes } }, _sum: { population: true } });
  return sum._sum.population ?? 0;
}

/** What the administrator reads after a change. */
export function communesChangeMessage(change: CommunesChange): string {
  const n = `${integer.format(change.communes)} commune${change.communes > 1 ? "s" : ""} (${integer.format(change.population)} habitants)`;
  if (change.operation === "remove") return `${change.picked} : ${n} retirée${change.communes > 1 ? "s" : ""} du territoire.`;
  const moved = change.movedFrom.map((m) => `${integer.format(m.communes)} depuis ${m.name}`).join(", ");
  return `${change.picked} : ${n} ajoutée${change.communes > 1 ? "s" : ""} au territoire${moved ? ` — dont ${moved}` : ""}.`;
}
