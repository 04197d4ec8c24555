// `npm test`: the whole suite, in the order that fails fastest. Each step is a real tool run:
// type check, lint, unit tests (Vitest), integration tests on a real PostgreSQL (Vitest), the
// production build, and the browser tests in Chromium (Playwright) against that build.
import { spawnSync } from "node:child_process";

type Step = { name: string; command: string; args: string[] };

const steps: Step[] = [
  { name: "Prisma client", command: "node", args: ["scripts/prisma-cli.mjs", "generate"] },
  { name: "Type check", command: "npx", args: ["tsc", "--noEmit", "-p", "."] },
  { name: "Lint", command: "npx", args: ["eslint", "--max-warnings=0", "."] },
  { name: "Format", command: "npx", args: ["prettier", "--check", "."] },
  { name: "Unit tests", command: "npx", args: ["vitest", "run", "--project", "unit"] },
  { name: "Integration tests", command: "npx", args: ["vitest", "run", "--project", "integration"] },
  { name: "Build", command: "npx", args: ["next", "build"] },
  { name: "Browser tests", command: "npx", args: ["playwright", "test"] },
  // A failing test in any layer turns this command red: checked in a temporary copy of the tree.
  { name: "Runner checks", command: "npx", args: ["vitest", "run", "--project", "runner"] },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(" ")}`);
  const started = performance.now();
  const run = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = (performance.now() - started) / 1000;
  results.push({ name: step.name, ok: run.status === 0, seconds });
  if (run.status !== 0) break;
}

console.log("\nRésumé :");
for (const r of results) console.log(`  ${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds.toFixed(1)} s)`);
const failed = results.some((r) => !r.ok);
process.exit(failed ? 1 : 0);
