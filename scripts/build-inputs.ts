// Whether the production build in .next can be reused: a fingerprint of everything `next build`
// reads (the tracked and untracked, not ignored, files of the tree but the tests, the project's
// own scripts and the docs), written next to the build once it succeeded. `npm start` rebuilds
// only when it differs (a rebuild took 177 s on a busy machine, for nothing changed).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const NOT_BUILT = [/^tests\//, /^scripts\//, /^\.ci\//, /\.md$/, /^Dockerfile$/, /^docker-compose\.yml$/, /(^|\/)[^/]+\.test\.tsx?$/];

/** The fingerprint of the build's inputs in `root`, or null when it cannot be known (not a git checkout). */
export async function buildFingerprint(root: string): Promise<string | null> {
  let files: string[];
  try {
    files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split("\0")
      .filter((f) => f && !NOT_BUILT.some((pattern) => pattern.test(f)))
      .sort();
  } catch {
    return null;
  }
  const hash = createHash("sha256");
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue; // deleted but not yet staged
    hash.update(`${file}\0`);
    hash.update(await readFile(full));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const stamp = (root: string) => path.join(root, ".next", "maillage-build-inputs");

/** True when .next holds a complete build made from exactly these inputs. */
export async function isBuildCurrent(root: string, fingerprint: string | null): Promise<boolean> {
  if (!fingerprint || !existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  const recorded = await readFile(stamp(root), "utf8").catch(() => null);
  return recorded?.trim() === fingerprint;
}

export async function recordBuild(root: string, fingerprint: string | null): Promise<void> {
  if (fingerprint) await writeFile(stamp(root), `${fingerprint}\n`);
}
