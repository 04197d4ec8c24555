import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadReferenceGeography } from "@/lib/geography/load-reference";
import { loadDemoTerritories } from "@/lib/geography/demo-territories";
import type { Role } from "@/lib/authz/permissions";
import { upsertUser } from "@/tests/factories/users";

// The demo password of every demo account. Demo data only: never load it on a real platform.
export const DEMO_PASSWORD = "Maillage-demo-2026";

type DemoStructure = { key: string; name: string; type: "EMSP" | "HAD" | "SSIAD" | "HEALTH_NETWORK" | "PALLIATIVE_NETWORK" | "PAIN_CLINIC"; territory: string; phone: string };

// A few structures modelled on the source documents; the directory issue enriches them. Phone
// numbers come from the ranges ARCEP reserves for fiction (03 53 01…, 04 65 71…): never a real line.
const DEMO_STRUCTURES: DemoStructure[] = [
  { key: "emsp-bar-le-duc", name: "EMSP du Centre hospitalier de Bar-le-Duc", type: "EMSP", territory: "meuse-sud", phone: "03 53 01 55 31" },
  { key: "had-meuse", name: "HAD Meuse", type: "HAD", territory: "meuse-sud", phone: "03 53 01 55 32" },
  { key: "reseau-sud-meusien", name: "Réseau de santé Sud meusien", type: "HEALTH_NETWORK", territory: "meuse-sud", phone: "03 53 01 55 33" },
  { key: "douleur-verdun", name: "Consultation douleur du CH de Verdun", type: "PAIN_CLINIC", territory: "meuse-nord", phone: "03 53 01 55 41" },
  { key: "ssiad-verdun", name: "SSIAD du Verdunois", type: "SSIAD", territory: "meuse-nord", phone: "03 53 01 55 42" },
  { key: "resp-13", name: "Réseau de soins palliatifs RESP 13", type: "PALLIATIVE_NETWORK", territory: "bouches-du-rhone", phone: "04 65 71 13 31" },
];

export type DemoAccount = { email: string; name: string; role: Role; scope: string };

export const DEMO_ACCOUNTS: (DemoAccount & { territories?: string[]; structures?: string[]; rpps?: string })[] = [
  { email: "medecin@demo.maillage.fr", name: "Dr Claire Martin", role: "GP", scope: "médecin généraliste, Bar-le-Duc", rpps: "10003456789" },
  { email: "idec.meuse@demo.maillage.fr", name: "Sophie Lambert", role: "COORDINATOR", scope: "IDEC Meuse Nord et Meuse Sud", territories: ["meuse-nord", "meuse-sud"] },
  { email: "idec.paca@demo.maillage.fr", name: "Karim Benali", role: "COORDINATOR", scope: "IDEC Bouches-du-Rhône et Alpes-Maritimes", territories: ["bouches-du-rhone", "alpes-maritimes"] },
  { email: "emsp@demo.maillage.fr", name: "Dr Anne Royer", role: "TEAM_MEMBER", scope: "EMSP de Bar-le-Duc", structures: ["emsp-bar-le-duc"] },
  { email: "had@demo.maillage.fr", name: "Julien Petit", role: "TEAM_MEMBER", scope: "HAD Meuse", structures: ["had-meuse"] },
  { email: "ars@demo.maillage.fr", name: "Hélène Dubois", role: "ARS", scope: "ARS Grand Est (Meuse, Meurthe-et-Moselle, Vosges)", territories: ["meuse-nord", "meuse-sud", "meurthe-et-moselle", "vosges"] },
  { email: "admin@demo.maillage.fr", name: "Marc Lefèvre", role: "ADMIN", scope: "administrateur du dispositif" },
];

export async function seedDemo({ db, log = () => {} }: { db: PrismaClient; log?: (message: string) => void }): Promise<void> {
  const started = performance.now();
  await loadReferenceGeography({ prisma: db, log });
  await loadDemoTerritories({ prisma: db, log });
  const territories = new Map((await db.territory.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  const territoryId = (slug: string) => {
    const id = territories.get(slug);
    if (!id) throw new Error(`Territoire de démonstration inconnu : ${slug}`);
    return id;
  };

  const structures = new Map<string, string>();
  for (const s of DEMO_STRUCTURES) {
    const existing = await db.structure.findFirst({ where: { name: s.name, isDemo: true }, select: { id: true } });
    const data = { name: s.name, type: s.type, territoryId: territoryId(s.territory), phone: s.phone, isDemo: true };
    const row = existing
      ? await db.structure.update({ where: { id: existing.id }, data, select: { id: true } })
      : await db.structure.create({ data, select: { id: true } });
    structures.set(s.key, row.id);
  }

  for (const account of DEMO_ACCOUNTS) {
    await upsertUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      password: DEMO_PASSWORD,
      rpps: account.rpps,
      territoryIds: account.territories?.map(territoryId),
      structureIds: account.structures?.map((key) => {
        const id = structures.get(key);
        if (!id) throw new Error(`Structure de démonstration inconnue : ${key}`);
        return id;
      }),
    });
  }
  log(`Données de démonstration chargées en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
