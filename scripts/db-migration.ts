// npm run db:migration -- --name what-changed
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes in schema.prisma,
// like `prisma migrate dev --create-only` (which cannot run here: no native engine). Review the
// SQL, then `npm run db:migrate` applies it.
import { parseArgs } from "node:util";
import { createMigration } from "./db/schema-engine";

const { values } = parseArgs({ options: { name: { type: "string" } } });
if (!values.name?.trim()) {
  console.error("Usage: npm run db:migration -- --name what-changed");
  process.exit(2);
}

const started = Date.now();
const created = await createMigration({ name: values.name });
if (!created) {
  console.log("No change: schema.prisma and prisma/migrations are in sync. Nothing written.");
} else {
  console.log(`Wrote ${created.file} (${Date.now() - started} ms). Review it, then run \`npm run db:migrate\`.`);
}
