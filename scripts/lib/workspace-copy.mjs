// A throwaway copy of this repository for the release test: its sources, package files,
// changesets and the packages' dist as built here (no node_modules or .turbo), as a git
// repository of its own so that `changeset version` and `changeset publish` run there as they
// would in a clone. Instead of a second install, its node_modules link to this workspace's,
// except our own packages, which link to the copy's.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { root } from "./pack-tarballs.mjs";

const ENTRIES = [
  ".changeset",
  ".gitignore",
  "LICENSE",
  "README.md",
  "package.json",
  "package-lock.json",
  "tsconfig.base.json",
  "turbo.json",
  "packages",
  "apps",
];
// Left out: installs, turbo's cache, and any dist but a package's own (the samples' builds).
const skipped = (path) =>
  /(^|[\\/])(node_modules|\.turbo)([\\/]|$)/.test(path) ||
  (/(^|[\\/])dist([\\/]|$)/.test(path) && !/^packages[\\/][^\\/]+[\\/]dist([\\/]|$)/.test(path));

/** The workspace folders (packages/*, apps/*), relative to the root. */
function workspaceDirs(base) {
  return ["packages", "apps"].flatMap((group) =>
    readdirSync(join(base, group)).map((name) => join(group, name)),
  );
}

/**
 * Recreates `from` (a node_modules folder of the workspace) at `to`: a link into the workspace
 * (one of our own packages) stays a relative link, now into the copy; anything else is linked
 * to the workspace's installed copy.
 */
function mirrorModules(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) {
      const link = readlinkSync(source);
      const into = resolve(from, link);
      const own = !isAbsolute(link) && !relative(root, into).startsWith("..");
      symlinkSync(own ? link : source, target);
    } else if (name.startsWith("@") && stat.isDirectory()) mirrorModules(source, target);
    else symlinkSync(source, target);
  }
}

/** Copies the repository, with the packages' dist, into `dest` (which must not exist) and commits it there. */
export function copyWorkspace(dest) {
  for (const entry of ENTRIES) {
    if (!existsSync(join(root, entry))) continue;
    cpSync(join(root, entry), join(dest, entry), {
      recursive: true,
      filter: (source) => !skipped(relative(root, source)),
    });
  }
  mirrorModules(join(root, "node_modules"), join(dest, "node_modules"));
  for (const dir of workspaceDirs(dest)) {
    const modules = join(root, dir, "node_modules");
    if (existsSync(modules)) mirrorModules(modules, join(dest, dir, "node_modules"));
  }
  execFileSync("git", ["init", "--quiet", "--initial-branch=main"], { cwd: dest, stdio: "pipe" });
  commitAll(dest, "a copy of the workspace for the release test");
}

/** Commits everything in the copy (after `changeset version`, as the README's release steps do). */
export function commitAll(dest, message) {
  const git = (...args) => execFileSync("git", args, { cwd: dest, stdio: "pipe" });
  git("add", "--all");
  git(
    "-c",
    "user.name=release test",
    "-c",
    "user.email=release-test@localhost",
    "commit",
    "--quiet",
    "--no-verify",
    "-m",
    message,
  );
}
