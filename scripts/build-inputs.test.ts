import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildFingerprint, isBuildCurrent, recordBuild } from "./build-inputs";

let root = "";
const write = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "maillage-build-inputs-"));
  execFileSync("git", ["init", "-q"], { cwd: root });
  await write(".gitignore", ".next/\n");
  await write("app/page.tsx", "export default function Page() { return null; }\n");
  await write("lib/time.ts", "export const x = 1;\n");
  await write("tests/e2e/a.spec.ts", "// a test\n");
  await write("README.md", "# readme\n");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the build's fingerprint", () => {
  test("changes when a source file changes, not when a test, a script or the docs do", async () => {
    const first = await buildFingerprint(root);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    await write("tests/e2e/a.spec.ts", "// another test\n");
    await write("README.md", "# another readme\n");
    await write("scripts/dev.ts", "// run command\n");
    await write("lib/time.test.ts", "// unit test\n");
    expect(await buildFingerprint(root)).toBe(first);
    await write("lib/time.ts", "export const x = 2;\n");
    expect(await buildFingerprint(root)).not.toBe(first);
  });

  test("a new, untracked source file counts", async () => {
    const before = await buildFingerprint(root);
    await write("components/new-card.tsx", "export const Card = () => null;\n");
    expect(await buildFingerprint(root)).not.toBe(before);
  });

  test("a build is reused only when complete and made from the same inputs", async () => {
    const fingerprint = await buildFingerprint(root);
    expect(await isBuildCurrent(root, fingerprint)).toBe(false); // no build yet
    await write(".next/BUILD_ID", "abc");
    await recordBuild(root, fingerprint);
    expect(await isBuildCurrent(root, fingerprint)).toBe(true);
    await write("app/page.tsx", "export default function Page() { return 1; }\n");
    expect(await isBuildCurrent(root, await buildFingerprint(root))).toBe(false);
    expect(await isBuildCurrent(root, null)).toBe(false); // not a git checkout: always build
  });
});
