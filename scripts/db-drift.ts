// npm run db:drift — exits 1 and prints the missing SQL when prisma/schema.prisma describes
// something the migrations do not build (someone edited the schema without a migration).
import { diffMigrationsToSchema } from "./db/schema-engine";

const missing = await diffMigrationsToSchema();
if (missing) {
  console.error("Drift: schema.prisma differs from what prisma/migrations build. Missing SQL:\n");
  console.error(missing);
  console.error("Create the migration with `npm run db:migration -- --name what-changed`.");
  process.exit(1);
}
console.log("No drift: schema.prisma and prisma/migrations are in sync.");
