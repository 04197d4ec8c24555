import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // Same alias as tsconfig's "paths": "@/lib/db" is <repo>/lib/db.
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One database for the whole run, truncated between tests: files must not interleave.
          fileParallelism: false,
          // Creates and migrates a fresh database, drops it at the end.
          globalSetup: ["tests/integration/global-setup.ts"],
          // Hands its URL to each test worker as DATABASE_URL.
          setupFiles: ["tests/integration/setup.ts"],
          // Generous: the schema-engine tests take ~2 s idle but much longer on a loaded 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "runner",
          // Runs `npm test` itself in a temporary copy of the tree: only as the last step of `npm test`.
          include: ["tests/runner/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
