import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Database access goes through lib/: pages and components never import the client.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/generated/*", "@/lib/db"], message: "Accès base réservé à lib/<domaine> : appelez une requête ou un cas d'usage." }] },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**", "scripts/**", "tests/**", "prisma/**"],
    rules: { "no-restricted-imports": "off" },
  },
]);
