// Loads the reference geography (régions, départements, communes of @etalab/decoupage-administratif)
// and the demo territories into the database at DATABASE_URL. Idempotent: run it as often as needed.
//   DATABASE_URL=postgresql://... npx tsx scripts/db-load-geography.ts [--no-demo]
import { PrismaPg } from "@prisma/adapter-pg";
import { loadDemoTerritories } from "@/lib/geography/demo-territories";
import { loadReferenceGeography } from "@/lib/geography/load-reference";
import { PrismaClient } from "@/lib/generated/prisma/client";

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL n'est pas défini : rien à charger.");
    process.exit(2);
  }
  const withDemo = !process.argv.includes("--no-demo");
  const target = new URL(connectionString);
  console.log(`Base ${target.pathname.slice(1)} sur ${target.hostname}:${target.port || "5432"}`);

  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const started = performance.now();
    const reference = await loadReferenceGeography({ prisma, log: (m) => console.log(m) });
    for (const [table, counts] of Object.entries({
      régions: reference.regions,
      départements: reference.departments,
      communes: reference.communes,
    })) {
      console.log(`  ${table.padEnd(13)} ${String(counts.total).padStart(6)} au référentiel, ` + `${counts.inserted} ajoutées, ${counts.updated} mises à jour`);
    }
    if (withDemo) {
      const demoStarted = performance.now();
      const territories = await loadDemoTerritories({ prisma });
      for (const t of territories) {
        console.log(`  ${t.slug.padEnd(20)} ${String(t.communes).padStart(4)} communes (+${t.added}, -${t.removed})`);
      }
      console.log(`Territoires de démonstration en ${Math.round(performance.now() - demoStarted)} ms.`);
    }
    console.log(`Terminé en ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
