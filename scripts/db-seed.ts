// npm run db:seed — loads the reference geography and the demo data into DATABASE_URL (or the
// embedded database when DATABASE_URL is unset). Idempotent: running it twice changes nothing.
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { withDatabase } from "./db/with-database";

await withDatabase(async (url) => {
  const db = createPrismaClient(url);
  try {
    await seedDemo({ db, log: (m) => console.log(m), history: true });
  } finally {
    await db.$disconnect();
  }
});
