#!/usr/bin/env node
// Runs the Prisma CLI for the commands that never call the native schema engine (generate,
// validate, format, version). The CLI still insists on finding an engine binary, which cannot be
// downloaded on our machines, so we point it at a harmless executable. Migrations go through
// scripts/db/ instead (see README, "Migrations").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = ["/bin/false", "/usr/bin/false"].find((p) => existsSync(p)) ?? process.execPath;
}
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
