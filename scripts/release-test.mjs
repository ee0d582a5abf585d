// `npm run test:release`: a release through a real registry, and the install lines of the
// READMEs as a user types them.
//
// 1. The packages are built here (turbo; cached after `npm test`), and a throwaway copy of the
//    repository (with that dist) runs `changeset version` (the fixed group to one new version),
//    `npm publish --dry-run` in each package (no warning allowed) and `changeset publish` to a
//    local Verdaccio (127.0.0.1, a free port, config and storage in a temporary folder).
// 2. Each published tarball is downloaded from the registry and listed: only dist, README.md,
//    LICENSE, CHANGELOG.md and schema files, with every entry file; every range on another of
//    our packages resolves to a published version.
// 3. Outside the workspace, with only that registry configured, side by side: every
//    `npm install @error-contract/…` line of the READMEs, exactly as written, in one fresh
//    project (each package then imports from ESM and CJS); and the root README's
//    `npm create error-contract@latest -- my-service --framework <fw>` block (create, cd,
//    npm install) for each framework; then each service's `npm test`, one after the other.
// 4. A patch changeset, `changeset version` and `changeset publish` again; `npm update` in the
//    Hono service takes the new version, and core's CHANGELOG there has the entry.
//
// Usage: node scripts/release-test.mjs [hono nestjs express fastify] [--keep] [--verbose]
//          [--break=no-dist|unpublished-range]
// --break spoils the copy on purpose (packages/hono's `files` loses "dist", or its range on
// core points at a version never published): the test must then fail.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { passedTests, platforms } from "./lib/create-services.mjs";
import { buildAll, entryFiles } from "./lib/pack-tarballs.mjs";
import { createBlock, installLines } from "./lib/readme-commands.mjs";
import { npmEnv, startRegistry } from "./lib/registry.mjs";
import { commitAll, copyWorkspace } from "./lib/workspace-copy.mjs";

const exec = promisify(execFile);
const argv = process.argv.slice(2);
const keep = argv.includes("--keep");
const verbose = argv.includes("--verbose");
const breakage = argv.find((arg) => arg.startsWith("--break="))?.slice(8);
const asked = argv.filter((arg) => !arg.startsWith("--"));
const frameworks = asked.length > 0 ? asked : Object.keys(platforms);
if (breakage !== undefined && !["no-dist", "unpublished-range"].includes(breakage))
  throw new Error(`--break must be no-dist or unpublished-range, not ${breakage}`);

const work = mkdtempSync(join(tmpdir(), "error-contract-release-"));
const copy = join(work, "repo");
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`- ${line} (${seconds(started)})`);
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** Runs a command; resolves with { stdout, stderr }; rejects with both in the message. */
async function run(command, args, { cwd, env, what = `${command} ${args.join(" ")}` }) {
  try {
    return await exec(command, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${what} failed in ${cwd}:\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
  }
}

/** `fn` over `items`, `limit` at a time (npm's start-up dominates these checks); results in order. */
async function inParallel(items, fn, limit = 4) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A command line exactly as a README shows it, through the shell. */
const shell = (line, cwd, env) => run("sh", ["-c", line], { cwd, env, what: line });

/** The copy's published packages: [{ name, version, dir, pkg }]. */
function published() {
  return ["client", "conformance", "core", "create", "express", "fastify", "hono", "nestjs", "openapi"]
    .map((dir) => join(copy, "packages", dir))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, pkg: readJson(join(dir, "package.json")) }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ name: pkg.name, version: pkg.version, dir, pkg }));
}

/** `changeset version` in the copy, committed; the one version the fixed group moved to. */
async function versionPackages(env, before) {
  await run("npx", ["changeset", "version"], { cwd: copy, env, what: "changeset version" });
  commitAll(copy, "changeset version");
  const versions = new Set(published().map(({ version }) => version));
  if (versions.size !== 1)
    throw new Error(`the fixed group has several versions: ${[...versions].join(", ")}`);
  const [version] = versions;
  if (version === before) throw new Error(`changeset version left the packages at ${before}`);
  return version;
}

/** The breakage asked for, applied to the copy after versioning (what a careless edit would do). */
function spoil(version) {
  const file = join(copy, "packages/hono/package.json");
  const pkg = readJson(file);
  if (breakage === "no-dist") pkg.files = pkg.files.filter((entry) => entry !== "dist");
  if (breakage === "unpublished-range") {
    const [major, minor] = version.split(".").map(Number);
    pkg.dependencies["@error-contract/core"] = `^${major}.${minor + 1}.0`;
  }
  writeJson(file, pkg);
  commitAll(copy, `break: ${breakage}`);
  log(
    `BROKEN on purpose (${breakage}): packages/hono/package.json ${breakage === "no-dist" ? `files ${JSON.stringify(pkg.files)}` : `depends on @error-contract/core@${pkg.dependencies["@error-contract/core"]}`}`,
  );
}

/** `npm publish --dry-run` in each package: what npm would upload, and not one warning. */
async function dryRuns(env) {
  await inParallel(published(), async ({ name, dir }) => {
    const { stdout, stderr } = await run("npm", ["publish", "--dry-run"], {
      cwd: dir,
      env,
      what: `${name}: npm publish --dry-run`,
    });
    const warnings = `${stdout}\n${stderr}`.split("\n").filter((line) => /^npm warn/i.test(line));
    if (warnings.length > 0) throw new Error(`${name}: npm publish --dry-run warns:\n${warnings.join("\n")}`);
  });
}

/** Allowed in a tarball: the manifest, the docs, the build, the JSON Schemas. */
const ALLOWED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+|schema\/[^/]+\.json)$/;

/** The registry's document of a package (what `npm view` reads), over its HTTP API. */
async function packument(registry, name) {
  const response = await fetch(`${registry}${name.replace("/", "%2f")}`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`${registry}${name}: ${response.status}`);
  return response.json();
}

/**
 * What the registry holds after a release: `latest` is `version` for every package; each
 * tarball, downloaded and listed, holds only ALLOWED files, with its entry files, README,
 * LICENSE and CHANGELOG; every range on another of our packages resolves there (`npm view`).
 */
async function checkRegistry(version, registry, env) {
  const scratch = join(work, "tarballs");
  mkdirSync(scratch, { recursive: true });
  const problems = [];
  const listings = await inParallel(published(), async ({ name }) => {
    const document = await packument(registry, name);
    const manifest = document.versions?.[version];
    if (document["dist-tags"]?.latest !== version || manifest === undefined)
      throw new Error(`${name}: latest is ${document["dist-tags"]?.latest}, not ${version}`);
    const file = join(scratch, `${name.replace("/", "-")}-${version}.tgz`);
    writeFileSync(file, Buffer.from(await (await fetch(manifest.dist.tarball)).arrayBuffer()));
    const { stdout } = await run("tar", ["-tzf", file], { cwd: scratch });
    const paths = stdout
      .split("\n")
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ""))
      .sort();
    return { spec: `${name}@${version}`, manifest, paths };
  });
  const ranges = new Map();
  for (const { spec, manifest, paths } of listings) {
    const strays = paths.filter((path) => !ALLOWED.test(path));
    const required = ["package.json", "README.md", "LICENSE", "CHANGELOG.md", ...entryFiles(manifest)];
    const missing = required.filter((path) => !paths.includes(path));
    const groups = {};
    for (const path of paths) {
      const top = path.includes("/") ? `${path.split("/")[0]}/` : path;
      groups[top] = (groups[top] ?? 0) + 1;
    }
    const summary = Object.entries(groups).map(([top, count]) =>
      top.endsWith("/") ? `${top} (${count})` : top,
    );
    console.log(`    ${spec}: ${paths.length} files: ${summary.join(", ")}`);
    if (verbose) for (const path of paths) console.log(`        ${path}`);
    if (strays.length > 0) problems.push(`${spec} holds files it should not: ${strays.join(", ")}`);
    if (missing.length > 0) problems.push(`${spec} lacks ${missing.join(", ")}`);
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!listings.some((listing) => listing.manifest.name === dependency)) continue;
      const key = `${dependency}@${range}`;
      ranges.set(key, [...(ranges.get(key) ?? []), spec]);
    }
  }
  await inParallel([...ranges], async ([key, dependents]) => {
    const found = await exec("npm", ["view", key, "version", "--json"], { cwd: work, env }).then(
      ({ stdout }) => stdout.trim(),
      () => "",
    );
    if (found === "")
      problems.push(
        `${dependents.join(", ")} ${dependents.length === 1 ? "depends" : "depend"} on ${key}, which the registry does not have`,
      );
  });
  if (problems.length > 0) throw new Error(`the published packages:\n  ${problems.join("\n  ")}`);
  return [...ranges.keys()];
}

/**
 * A release as the README's steps make it, in the copy: `changeset version`, commit, then
 * `changeset publish` (the second half of `npm run release`; the first half, the build, ran in
 * this workspace before the copy: a build of the copy would take two more minutes per release,
 * and the version is read from package.json at run time, never built into dist).
 */
async function release(label, before, registry) {
  const registryEnv = registry.env();
  const copyEnv = npmEnv(registry.npmrc);
  const version = await versionPackages(copyEnv, before);
  log(`${label}: changeset version → ${version} for ${published().length} packages (fixed group)`);
  if (label === "first release") {
    if (breakage !== undefined) spoil(version);
    await dryRuns(registryEnv);
    log(`${label}: npm publish --dry-run in each package, no warning`);
  }
  const since = Date.now();
  const { stdout, stderr } = await run("npx", ["changeset", "publish"], {
    cwd: copy,
    env: registryEnv,
    what: "changeset publish",
  });
  const names = published().map(({ name }) => `${name}@${version}`);
  const missing = names.filter((id) => !`${stdout}${stderr}`.includes(id));
  if (missing.length > 0)
    throw new Error(`changeset publish did not publish ${missing.join(", ")}:\n${stdout}`);
  log(`${label}: changeset publish published ${names.join(", ")} (${seconds(since)})`);
  const ranges = await checkRegistry(version, registry.url, registryEnv);
  log(
    `${label}: each tarball holds only dist, README.md, LICENSE, CHANGELOG.md (and schema); ${ranges.join(", ")} resolve`,
  );
  return version;
}

/** The installed version of each of our packages in a project. */
function installedVersions(dir, names) {
  return Object.fromEntries(
    names.map((name) => {
      const file = join(dir, "node_modules", name, "package.json");
      return [name, existsSync(file) ? readJson(file).version : undefined];
    }),
  );
}

/** A fresh project with nothing but a package.json, as `npm init -y` makes it. */
async function freshProject(dir, env) {
  mkdirSync(dir, { recursive: true });
  await run("npm", ["init", "-y"], { cwd: dir, env });
}

/** Every `npm install @error-contract/…` line of the READMEs, as written, in one fresh project. */
async function runInstallLines(version, env) {
  const dir = join(work, "my-app");
  await freshProject(dir, env);
  const lines = installLines();
  if (lines.length === 0) throw new Error("the READMEs show no npm install line");
  const names = new Set();
  for (const { file, command } of lines) {
    const since = Date.now();
    await shell(command, dir, env);
    for (const name of command.match(/@error-contract\/[a-z-]+/g)) names.add(name);
    log(`${file}: \`${command}\` (${seconds(since)})`);
  }
  const installed = installedVersions(dir, [...names]);
  const wrong = Object.entries(installed).filter(([, got]) => got !== version);
  if (wrong.length > 0)
    throw new Error(`installed ${JSON.stringify(Object.fromEntries(wrong))}, not ${version}`);
  const lock = readFileSync(join(dir, "package-lock.json"), "utf8");
  const registry = readFileSync(env.NPM_CONFIG_USERCONFIG, "utf8").match(/^registry=(.*)$/m)[1];
  for (const name of names)
    if (!lock.includes(`"resolved": "${registry}${name}/-/`))
      throw new Error(`${name} was not installed from ${registry}`);
  // Each library loads in the project, ESM and CommonJS (Nest's decorators want reflect-metadata
  // first, which the nestjs README's line installs).
  const libraries = [...names];
  const metadata = existsSync(join(dir, "node_modules/reflect-metadata"));
  const esm = libraries
    .map((name) => `if (!Object.keys(await import("${name}")).length) throw new Error("${name}");`)
    .join("\n");
  writeFileSync(join(dir, "check.mjs"), `${metadata ? 'import "reflect-metadata";\n' : ""}${esm}\n`);
  await run(process.execPath, ["check.mjs"], { cwd: dir, env, what: "import each package (ESM)" });
  const cjs = libraries
    .map((name) => `if (!Object.keys(require("${name}")).length) throw new Error("${name}");`)
    .join("\n");
  writeFileSync(join(dir, "check.cjs"), `${metadata ? 'require("reflect-metadata");\n' : ""}${cjs}\n`);
  await run(process.execPath, ["check.cjs"], { cwd: dir, env, what: "require each package (CJS)" });
  log(`my-app: ${names.size} packages at ${version} from the local registry, each imports from ESM and CJS`);
  return [...names];
}

/**
 * The root README's create block for one framework as a shell runs it (`cd` moves on, `a && b`
 * runs b once a succeeded), in a fresh folder: [{ command, cwd }].
 */
function createSteps(framework) {
  let cwd = join(work, "services", framework);
  mkdirSync(cwd, { recursive: true });
  const steps = [];
  for (const line of createBlock(framework)) {
    const cd = /^cd (\S+)$/.exec(line);
    if (cd) cwd = resolve(cwd, cd[1]);
    else for (const command of line.split("&&").map((part) => part.trim())) steps.push({ command, cwd });
  }
  return steps;
}

/**
 * Runs `steps` in order (the ones before `npm test`, or `npm test` and after, as `phase` says:
 * the installs of all services run at once, their tests one after the other); times each.
 */
async function runSteps(framework, steps, phase, env, timings) {
  const first = steps.findIndex(({ command }) => command === "npm test");
  if (first < 0) throw new Error("README.md's create block runs no `npm test`");
  for (const { command, cwd } of phase === "install" ? steps.slice(0, first) : steps.slice(first)) {
    const since = Date.now();
    const { stdout } = await shell(command, cwd, env);
    timings[command] = (Date.now() - since) / 1000;
    if (command === "npm test") timings.tests = passedTests(stdout, `${framework}: npm test`);
  }
}

/** The service's ranges on our packages are ^version, and that is what it installed. */
function checkService(framework, dir, version) {
  const pkg = readJson(join(dir, "package.json"));
  const ours = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name]) =>
    name.startsWith("@error-contract/"),
  );
  const wrongRange = ours.filter(([, range]) => range !== `^${version}`);
  if (ours.length === 0 || wrongRange.length > 0)
    throw new Error(`${framework}: the service asks for ${JSON.stringify(ours)}, not ^${version}`);
  const installed = installedVersions(
    dir,
    ours.map(([name]) => name),
  );
  if (Object.values(installed).some((got) => got !== version))
    throw new Error(`${framework}: installed ${JSON.stringify(installed)}, not ${version}`);
  return ours.map(([name]) => name);
}

/**
 * Each framework's service as the root README makes it: the creates and installs at once (they
 * wait on the registry, not the CPU), then each `npm test` in turn.
 */
async function createServices(version, env) {
  const services = frameworks.map((framework) => ({ framework, steps: createSteps(framework), timings: {} }));
  await Promise.all(
    services.map(async (service) => {
      await runSteps(service.framework, service.steps, "install", env, service.timings);
      service.dir = service.steps.at(-1).cwd;
      service.names = checkService(service.framework, service.dir, version);
      const [create, install] = Object.values(service.timings);
      log(`${service.framework}: npm create ${create.toFixed(1)} s, npm install ${install.toFixed(1)} s`);
    }),
  );
  for (const service of services) {
    await runSteps(service.framework, service.steps, "test", env, service.timings);
    const { tests } = service.timings;
    if (tests === undefined || Number.isNaN(tests) || tests === 0)
      throw new Error(`${service.framework}: npm test ran no test`);
    service.install = service.timings["npm install"];
    service.test = service.timings["npm test"];
    service.tests = tests;
    log(`${service.framework}: npm test ${service.test.toFixed(1)} s, ${tests} passed`);
  }
  return services;
}

/** A patch changeset in the copy, as a contributor writes one. */
function addPatchChangeset() {
  const text = "Release test: a patch release, to show that `npm update` takes it.";
  writeFileSync(
    join(copy, ".changeset/release-test-patch.md"),
    `---\n"@error-contract/core": patch\n---\n\n${text}\n`,
  );
  commitAll(copy, "changeset: a patch");
  return text;
}

/** `npm update` as a user types it; then every package of ours is at `version`, with the CHANGELOG entry. */
async function update(dir, names, first, version, text, env) {
  const since = Date.now();
  await shell("npm update", dir, env);
  const installed = installedVersions(dir, names);
  const behind = Object.entries(installed).filter(([, got]) => got !== version);
  if (behind.length > 0)
    throw new Error(`npm update in ${dir} left ${JSON.stringify(Object.fromEntries(behind))}`);
  const changelog = readFileSync(join(dir, "node_modules/@error-contract/core/CHANGELOG.md"), "utf8");
  const entry = changelog.slice(changelog.indexOf(`## ${version}`), changelog.indexOf(`## ${first}`));
  if (!changelog.includes(`## ${version}`) || !entry.includes(text) || !changelog.includes(`## ${first}`))
    throw new Error(
      `@error-contract/core's CHANGELOG has no ${version} entry with the patch:\n${changelog.slice(0, 800)}`,
    );
  log(
    `${relative(work, dir)}: npm update → ${version} for ${names.length} packages (${seconds(since)}); core's CHANGELOG: ${entry.trim().split("\n").filter(Boolean).join(" | ")}`,
  );
}

async function main() {
  console.log(`Release test in ${work}${breakage ? ` (broken on purpose: ${breakage})` : ""}`);
  buildAll();
  log("built the packages (turbo)");
  copyWorkspace(copy);
  const before = published()[0].version;
  log(`copied the repository (at ${before}) to ${relative(work, copy)}`);
  const registry = await startRegistry(join(work, "registry"));
  log(`Verdaccio listens on ${registry.url}`);
  try {
    const env = registry.env();
    const first = await release("first release", before, registry);
    // Both wait on the registry more than on the CPU: side by side, and both settled before going on.
    const settled = await Promise.allSettled([runInstallLines(first, env), createServices(first, env)]);
    const failed = settled.find(({ status }) => status === "rejected");
    if (failed) throw failed.reason;
    const services = settled[1].value;
    const text = addPatchChangeset();
    const second = await release("second release", first, registry);
    const hono = services.find((service) => service.framework === "hono") ?? services[0];
    await update(hono.dir, hono.names, first, second, text, env);
    console.log(`\nReleased ${first}, then ${second}, through ${registry.url}:`);
    for (const s of services)
      console.log(
        `  ${s.framework.padEnd(8)} npm install ${s.install.toFixed(1).padStart(5)} s   npm test ${s.test.toFixed(1).padStart(5)} s   ${s.tests} tests`,
      );
    console.log(`test:release passed in ${seconds(started)}.`);
  } finally {
    await registry.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error(
    `\ntest:release FAILED after ${seconds(started)}: ${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${work}`);
  else {
    rmSync(work, { recursive: true, force: true });
    console.log(`removed ${work} (${seconds(started)} in all)`);
  }
}
