// Proves the published packages work outside this repository: packs every package, installs
// the tarballs into fresh projects in a temporary folder (no workspace links), checks ESM and
// CJS imports and TypeScript types there, and runs the conformance CLI against a copy of each
// sample app installed from the tarballs.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll, fileSpecs, packAll, useTarballs } from "./lib/pack-tarballs.mjs";
import { startServer, stopServer } from "./lib/server-process.mjs";
import { targets } from "./lib/targets.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const keep = process.argv.includes("--keep");
const work = mkdtempSync(join(tmpdir(), "error-contract-pack-"));

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function step(title, action) {
  process.stdout.write(`- ${title} … `);
  const started = Date.now();
  const result = action();
  console.log(`ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

function npmInstall(cwd) {
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], cwd);
}

function checkConsumer(allSpecs) {
  // The libraries (create-error-contract is a CLI only: nothing imports it).
  const specs = Object.fromEntries(
    Object.entries(allSpecs).filter(([name]) => name.startsWith("@error-contract/")),
  );
  const dir = join(work, "consumer");
  mkdirSync(dir);
  const devDeps = readJson(join(root, "packages/nestjs/package.json")).devDependencies;
  const honoDeps = readJson(join(root, "packages/hono/package.json")).devDependencies;
  const expressDeps = readJson(join(root, "packages/express/package.json")).devDependencies;
  const fastifyDeps = readJson(join(root, "packages/fastify/package.json")).devDependencies;
  writeJson(join(dir, "package.json"), {
    name: "consumer",
    private: true,
    type: "module",
    dependencies: {
      ...specs,
      zod: devDeps.zod,
      hono: honoDeps.hono,
      express: expressDeps.express,
      "@types/express": expressDeps["@types/express"],
      fastify: fastifyDeps.fastify,
      "@nestjs/common": devDeps["@nestjs/common"],
      "@nestjs/core": devDeps["@nestjs/core"],
      "reflect-metadata": devDeps["reflect-metadata"],
      rxjs: devDeps.rxjs,
      typescript: readJson(join(root, "package.json")).devDependencies.typescript,
      "@types/node": readJson(join(root, "package.json")).devDependencies["@types/node"],
    },
    overrides: specs,
  });
  step("install the tarballs into a fresh project", () => npmInstall(dir));
  const names = Object.keys(specs);
  step("import every package from ESM", () => {
    const code = names
      .map((name, i) => `import * as m${i} from "${name}"; check("${name}", m${i});`)
      .join("\n");
    writeFileSync(
      join(dir, "esm.mjs"),
      `import "reflect-metadata";\nfunction check(name, m) { if (Object.keys(m).length === 0) throw new Error(name + " exports nothing"); }\n${code}\n`,
    );
    run("node", ["esm.mjs"], dir);
  });
  step("require every package from CJS", () => {
    const code = names.map((name) => `check("${name}", require("${name}"));`).join("\n");
    writeFileSync(
      join(dir, "cjs.cjs"),
      `require("reflect-metadata");\nfunction check(name, m) { if (Object.keys(m).length === 0) throw new Error(name + " exports nothing"); }\n${code}\n`,
    );
    run("node", ["cjs.cjs"], dir);
  });
  step("resolve the types from ESM and CJS TypeScript (node16)", () => {
    const imports = names
      .map((name, i) => `import * as m${i} from "${name}";\nexport const e${i} = m${i};`)
      .join("\n");
    writeFileSync(join(dir, "types-esm.mts"), `${imports}\n`);
    writeFileSync(join(dir, "types-cjs.cts"), `${imports}\n`);
    writeJson(join(dir, "tsconfig.json"), {
      compilerOptions: {
        module: "node16",
        moduleResolution: "node16",
        target: "es2022",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        experimentalDecorators: true,
        types: ["node"],
      },
      files: ["types-esm.mts", "types-cjs.cts"],
    });
    run("npx", ["tsc", "-p", "."], dir);
  });
}

async function checkSampleApps(specs) {
  for (const app of [...new Set(targets.map((target) => target.app))]) {
    const dir = join(work, app.replace("/", "-"));
    cpSync(join(root, app), dir, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|\.turbo)([\\/]|$)/.test(source),
    });
    writeJson(join(dir, "package.json"), useTarballs(readJson(join(dir, "package.json")), specs));
    step(`install a copy of ${app} against the tarballs`, () => npmInstall(dir));
    step(`build the copy of ${app}`, () => run("npm", ["run", "build"], dir));
    for (const target of targets.filter((t) => t.app === app)) {
      process.stdout.write(`- conformance CLI against the copy of ${app} as ${target.name} … `);
      const server = await startServer(target, dir);
      try {
        run("npx", ["--no-install", "error-contract", "check", server.url], dir);
        console.log("ok");
      } catch (error) {
        console.log("FAILED");
        throw new Error(`${target.name}: ${error.stdout ?? ""}${error.stderr ?? ""}`);
      } finally {
        await stopServer(server);
      }
    }
  }
}

/** NestJS 12 (ESM-only, declares Node 22 for some dependencies): the Nest adapter still works. */
function checkNest12(specs) {
  const dir = join(work, "nest12");
  mkdirSync(dir);
  const devDeps = readJson(join(root, "packages/nestjs/package.json")).devDependencies;
  writeJson(join(dir, "package.json"), {
    name: "nest12",
    private: true,
    type: "module",
    dependencies: {
      ...specs,
      "@nestjs/common": "^12.0.0",
      "@nestjs/core": "^12.0.0",
      "@nestjs/platform-express": "^12.0.0",
      "@nestjs/platform-fastify": "^12.0.0",
      "reflect-metadata": devDeps["reflect-metadata"],
      rxjs: devDeps.rxjs,
      zod: devDeps.zod,
    },
    overrides: specs,
  });
  step("install NestJS 12 with the tarballs", () => npmInstall(dir));
  cpSync(join(root, "scripts/lib/nest12-smoke.mjs"), join(dir, "smoke.mjs"));
  step("the Nest adapter under NestJS 12 on Express and Fastify", () => run("node", ["smoke.mjs"], dir));
}

/** The Express and Fastify adapters on each major their peer ranges admit. */
function checkFrameworkMajors(specs) {
  const zod = readJson(join(root, "packages/core/package.json")).devDependencies.zod;
  const majors = [
    ["express", "^4.22.1"],
    ["express", "^5.2.1"],
    ["fastify", "^4.29.1"],
    ["fastify", "^5.11.3"],
  ];
  for (const [framework, range] of majors) {
    const dir = join(work, `${framework}${range.replace(/\W/g, "-")}`);
    mkdirSync(dir);
    const adapter = `@error-contract/${framework}`;
    const core = "@error-contract/core";
    const dependencies = { [core]: specs[core], [adapter]: specs[adapter], [framework]: range, zod };
    writeJson(join(dir, "package.json"), {
      name: "majors",
      private: true,
      type: "module",
      dependencies,
      overrides: specs,
    });
    cpSync(join(root, `scripts/lib/${framework}-smoke.mjs`), join(dir, "smoke.mjs"));
    step(`the ${framework} adapter on ${framework} ${range}`, () => {
      npmInstall(dir);
      run("node", ["smoke.mjs"], dir);
    });
  }
}

async function main() {
  console.log(`Pack test in ${work}`);
  step("build", buildAll);
  const specs = step("npm pack every published package", () => fileSpecs(packAll(join(work, "tarballs"))));
  checkConsumer(specs);
  checkNest12(specs);
  checkFrameworkMajors(specs);
  await checkSampleApps(specs);
  console.log("The packed packages work outside the workspace.");
}

main()
  .then(
    () => 0,
    (error) => {
      console.error(`\n${error instanceof Error ? error.message : error}`);
      if (error?.stdout || error?.stderr) console.error(`${error.stdout ?? ""}${error.stderr ?? ""}`);
      return 1;
    },
  )
  .then((code) => {
    if (!keep) rmSync(work, { recursive: true, force: true });
    process.exit(code);
  });
