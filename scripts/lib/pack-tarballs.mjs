// Packs the workspace's published packages with `npm pack` (what `npm publish` would upload),
// and points a project's package.json at the tarballs: shared by pack-local, pack-test and the
// create-error-contract tests.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/** The published (not private) packages under packages/: { name, version, dir }. */
export function publishedPackages() {
  return readdirSync(join(root, "packages"))
    .map((dir) => ({
      dir: join(root, "packages", dir),
      pkg: readJson(join(root, "packages", dir, "package.json")),
    }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ name: pkg.name, version: pkg.version, dir }));
}

/** Builds every package under packages/ (turbo, cached), quietly; the sample apps need no build to be packed. */
export function buildAll() {
  execFileSync("npx", ["turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "pipe",
  });
}

/** Every file a package.json names as an entry point (main, module, types, bin, exports). */
export function entryFiles(pkg) {
  const found = [];
  const collect = (value) => {
    if (typeof value === "string") found.push(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") for (const item of Object.values(value)) collect(item);
  };
  collect([pkg.main, pkg.module, pkg.types, pkg.bin, pkg.exports].filter(Boolean));
  return [...new Set(found)].filter((file) => !file.includes("*"));
}

/** `npm pack` of every published package into `destination`: name → absolute tarball path. */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const { name, dir } of publishedPackages()) {
    const output = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [{ filename, files }] = JSON.parse(output);
    // A tarball without its dist (a build elsewhere cleaning it meanwhile) must not pass for one.
    const packed = new Set(files.map((file) => file.path));
    const missing = entryFiles(readJson(join(dir, "package.json"))).filter((file) => !packed.has(file));
    if (missing.length > 0)
      throw new Error(`${name}: the tarball lacks ${missing.join(", ")} (build it first)`);
    tarballs[name] = join(destination, filename);
  }
  return tarballs;
}

/** `file:` specifiers for `packAll`'s result. */
export function fileSpecs(tarballs) {
  return Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
}

/** Points a package.json's dependencies on our packages at the tarballs, transitively too. */
export function useTarballs(pkg, specs) {
  for (const field of ["dependencies", "devDependencies"]) {
    for (const name of Object.keys(pkg[field] ?? {})) if (specs[name]) pkg[field][name] = specs[name];
  }
  pkg.overrides = { ...pkg.overrides, ...specs };
  return pkg;
}
