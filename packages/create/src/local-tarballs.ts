import { readdirSync } from "node:fs";
import { resolve } from "node:path";

// What `npm pack` names a scoped package's tarball: @error-contract/core@0.1.0 → error-contract-core-0.1.0.tgz.
const TARBALL = /^error-contract-([a-z0-9-]+?)-(\d+\.\d+\.\d+(?:-[\w.]+)?)\.tgz$/;

/** The @error-contract/* tarballs in `dir` (the newest version of each): name → absolute path. */
export function localTarballs(dir: string): Record<string, string> {
  const found: Record<string, { version: string; path: string }> = {};
  for (const file of readdirSync(dir)) {
    const match = TARBALL.exec(file);
    if (!match) continue;
    const [, short, version] = match as unknown as [string, string, string];
    const name = `@error-contract/${short}`;
    const seen = found[name];
    if (seen === undefined || compareVersions(version, seen.version) > 0)
      found[name] = { version, path: resolve(dir, file) };
  }
  if (Object.keys(found).length === 0)
    throw new Error(`no @error-contract/* tarballs (error-contract-*.tgz) in ${dir}`);
  return Object.fromEntries(Object.entries(found).map(([name, { path }]) => [name, path]));
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
