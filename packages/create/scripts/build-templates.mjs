// Builds dist/templates/<framework>/ from the sample apps of this repository, so the templates
// cannot drift from the samples: each build takes the samples' current files, leaves out the
// fault routes (frameworks.mjs), and adds the service's own tests and README (templates/).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { frameworks } from "./frameworks.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(packageDir, "../..");

/** What the CLI replaces with the service's package name. */
export const NAME = "__SERVICE_NAME__";

/** Files of a sample that a service takes (the rest are the sample's own tests and docs). */
const TAKEN = /^(src\/.*|tsconfig(\.build)?\.json|tsdown\.config\.ts|vitest\.config\.m?ts)$/;
/** What must not survive in a service: the fault routes and the store's fault switch. */
const FAULT_TRACES = /\/faults\b|x-fault|unavailableUserStore|databaseFaultSwitch|S3CRET/i;

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).replaceAll("\\", "/")];
  });
}

function applyEdit(files, { file, find, replace, all }, framework) {
  const text = files.get(file);
  const where = `${framework}: ${file}: ${find}`;
  if (text === undefined) throw new Error(`create-error-contract templates: no file for the edit ${where}`);
  const count =
    typeof find === "string" ? text.split(find).length - 1 : (text.match(new RegExp(find, "g")) ?? []).length;
  if (count === 0 || (count > 1 && !all))
    throw new Error(
      `create-error-contract templates: the sample changed; ${count} matches for the edit ${where} (update packages/create/scripts/frameworks.mjs)`,
    );
  files.set(file, all ? text.replaceAll(find, replace) : text.replace(find, replace));
}

function servicePackageJson(sample, spec) {
  const devDependencies = { ...sample.devDependencies };
  for (const name of spec.leaveOutDevDependencies) delete devDependencies[name];
  const pkg = {
    name: NAME,
    version: "0.1.0",
    private: true,
    description: `An HTTP service on ${spec.label} with error-contract (made by create-error-contract).`,
    type: sample.type,
    ...(sample.main ? { main: sample.main } : {}),
    engines: { node: ">=20.19" },
    scripts: { ...sample.scripts, pretest: "npm run build", test: "vitest run" },
    dependencies: sample.dependencies,
    devDependencies,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every file of one framework's template: path → text, with the service name as NAME. */
export function templateFiles(framework) {
  const spec = frameworks[framework];
  if (spec === undefined) throw new Error(`create-error-contract templates: unknown framework ${framework}`);
  const sampleDir = join(repoRoot, "apps", spec.sample);
  const files = new Map();
  for (const file of walk(sampleDir)) {
    if (!TAKEN.test(file) || spec.drop.includes(file)) continue;
    files.set(file, readFileSync(join(sampleDir, file), "utf8"));
  }
  for (const dropped of spec.drop)
    if (!statSync(join(sampleDir, dropped), { throwIfNoEntry: false }))
      throw new Error(`create-error-contract templates: ${framework}: ${dropped} is gone from the sample`);
  for (const change of spec.edits) applyEdit(files, change, framework);
  for (const [file, text] of files) {
    // A standalone project: defineConfig, not the workspace's defineProject.
    const own = file.startsWith("vitest.config") ? text.replaceAll("defineProject", "defineConfig") : text;
    files.set(file, own.replaceAll(spec.sample, NAME));
    const trace = FAULT_TRACES.exec(own);
    if (trace && file.startsWith("src/"))
      throw new Error(
        `create-error-contract templates: ${framework}: ${file} still has "${trace[0]}" (update packages/create/scripts/frameworks.mjs)`,
      );
  }
  const own = join(packageDir, "templates");
  const fill = (text) =>
    text
      .replaceAll("__FRAMEWORK__", spec.label)
      .replaceAll("__PORT__", String(spec.port))
      .replaceAll("__ENTRY__", spec.entry)
      .replaceAll("__RUN_NOTE__", spec.runNote ?? "");
  for (const file of walk(join(own, spec.tests)))
    files.set(file, fill(readFileSync(join(own, spec.tests, file), "utf8")));
  files.set("README.md", fill(readFileSync(join(own, "README.md"), "utf8")));
  files.set("gitignore", "node_modules\ndist\ncoverage\n*.log\n");
  files.set(
    "package.json",
    servicePackageJson(JSON.parse(readFileSync(join(sampleDir, "package.json"), "utf8")), spec),
  );
  return files;
}

/** Writes every framework's template under `outDir`/<framework>. */
export function buildTemplates(outDir = join(packageDir, "dist/templates")) {
  rmSync(outDir, { recursive: true, force: true });
  for (const framework of Object.keys(frameworks)) {
    for (const [file, text] of templateFiles(framework)) {
      const path = join(outDir, framework, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildTemplates();
