import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (prisma generate in CI, the embedded default): never use env() here,
// it throws when the variable is missing.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
