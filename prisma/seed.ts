import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadReferenceGeography } from "@/lib/geography/load-reference";
import { loadDemoTerritories } from "@/lib/geography/demo-territories";
import type { Role } from "@/lib/authz/permissions";
import { upsertUser } from "@/tests/factories/users";
import { seedDemoDirectory } from "@/prisma/demo-directory";
import { seedDemoHistory } from "@/prisma/demo-history";

// The demo password of every demo account. Demo data only: never load it on a real platform.
export const DEMO_PASSWORD = "Maillage-demo-2026";

export type DemoAccount = { email: string; name: string; role: Role; scope: string };

export const DEMO_ACCOUNTS: (DemoAccount & { territories?: string[]; structures?: string[]; rpps?: string })[] = [
  { email: "medecin@demo.maillage.fr", name: "Dr Claire Martin", role: "GP", scope: "médecin généraliste, Bar-le-Duc", rpps: "10003456786" },
  {
    email: "idec.meuse@demo.maillage.fr",
    name: "Sophie Lambert",
    role: "COORDINATOR",
    scope: "IDEC Meuse Nord et Meuse Sud",
    territories: ["meuse-nord", "meuse-sud"],
  },
  {
    email: "idec.paca@demo.maillage.fr",
    name: "Karim Benali",
    role: "COORDINATOR",
    scope: "IDEC Bouches-du-Rhône et Alpes-Maritimes",
    territories: ["bouches-du-rhone", "alpes-maritimes"],
  },
  { email: "emsp@demo.maillage.fr", name: "Dr Anne Royer", role: "TEAM_MEMBER", scope: "EMSP de Bar-le-Duc", structures: ["emsp-bar-le-duc"] },
  { email: "had@demo.maillage.fr", name: "Julien Petit", role: "TEAM_MEMBER", scope: "HAD Meuse", structures: ["had-meuse"] },
  {
    email: "ars@demo.maillage.fr",
    name: "Hélène Dubois",
    role: "ARS",
    scope: "ARS Grand Est (Meuse, Meurthe-et-Moselle, Vosges)",
    territories: ["meuse-nord", "meuse-sud", "meurthe-et-moselle", "vosges"],
  },
  { email: "admin@demo.maillage.fr", name: "Marc Lefèvre", role: "ADMIN", scope: "administrateur du dispositif" },
];

// history: also a year of activity played through the use cases (prisma/demo-history.ts), for
// the run command and db:seed; the browser tests start without it, on counts they control.
export async function seedDemo({
  db,
  log = () => {},
  history = false,
}: {
  db: PrismaClient;
  log?: (message: string) => void;
  history?: boolean;
}): Promise<void> {
  const started = performance.now();
  await loadReferenceGeography({ prisma: db, log });
  await loadDemoTerritories({ prisma: db, log });
  const territories = new Map((await db.territory.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  const territoryId = (slug: string) => {
    const id = territories.get(slug);
    if (!id) throw new Error(`Territoire de démonstration inconnu : ${slug}`);
    return id;
  };

  // The directory of care structures (prisma/demo-directory.ts); the team accounts below belong to
  // its entries by key.
  const structures = await seedDemoDirectory({ db, territoryId });

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
  // The Meuse coordinator leads her territories: she gets the second level of the escalations.
  await db.territoryMembership.updateMany({ where: { user: { email: "idec.meuse@demo.maillage.fr" } }, data: { isLead: true } });
  if (history) {
    const historyStart = new Date();
    await seedDemoHistory({ db, log, password: DEMO_PASSWORD });
    // A back-dated year: its notifications are read already and its e-mails never go out, so that
    // the bell and /admin/envois show what the person does in the demo.
    await db.notification.updateMany({ where: { readAt: null, createdAt: { lt: historyStart } }, data: { readAt: historyStart, digestPending: false } });
    await db.outboxMessage.deleteMany({ where: { createdAt: { lt: historyStart } } });
  }
  log(`Données de démonstration chargées en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
