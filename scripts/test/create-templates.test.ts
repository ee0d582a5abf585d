// create-error-contract's templates are the sample apps, less their fault injection: the built
// templates are what the samples give today, and a generated service is standalone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript without types
import { NAME, templateFiles } from "../../packages/create/scripts/build-templates.mjs";
// @ts-expect-error: plain JavaScript without types
import { frameworks } from "../../packages/create/scripts/frameworks.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(root, "packages/create/dist/cli.js");
const version = JSON.parse(readFileSync(join(root, "packages/create/package.json"), "utf8")).version;
const work = mkdtempSync(join(tmpdir(), "create-templates-"));
const names = Object.keys(frameworks) as string[];

afterAll(() => rmSync(work, { recursive: true, force: true }));

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).replaceAll("\\", "/")];
  });
}

const create = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { cwd: work, encoding: "utf8", stdio: "pipe" });

describe.each(names)("create-error-contract --framework %s", (framework) => {
  const spec = frameworks[framework];
  const sample = join(root, "apps", spec.sample);
  const expected = templateFiles(framework) as Map<string, string>;
  const dir = join(work, `my-${framework}`);
  create(dir, "--framework", framework);

  it("ships the template the samples give today (rebuilt with every build)", () => {
    const built = join(root, "packages/create/dist/templates", framework);
    const files = walk(built);
    expect(new Set(files)).toEqual(new Set(expected.keys()));
    for (const file of files) expect(readFileSync(join(built, file), "utf8"), file).toBe(expected.get(file));
  });

  it("takes every source file of the sample but the fault routes, unchanged unless an edit names it", () => {
    const edited = new Set(spec.edits.map((edit: { file: string }) => edit.file));
    for (const file of walk(join(sample, "src")).map((file) => `src/${file}`)) {
      if (spec.drop.includes(file)) {
        expect(expected.has(file), file).toBe(false);
        continue;
      }
      const text = readFileSync(join(sample, file), "utf8").replaceAll(spec.sample, NAME);
      if (edited.has(file)) expect(expected.get(file), file).not.toBe(text);
      else expect(expected.get(file), file).toBe(text);
    }
  });

  it("leaves no fault injection in the service's source", () => {
    for (const file of walk(join(dir, "src")))
      expect(readFileSync(join(dir, "src", file), "utf8"), file).not.toMatch(
        /\/faults\b|x-fault|unavailableUserStore|databaseFaultSwitch|S3CRET/i,
      );
  });

  it("writes a standalone package.json: real ranges, the toolkit at the generator's version", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe(`my-${framework}`);
    expect(pkg.scripts.test).toBe("vitest run");
    expect(pkg.scripts.pretest).toBe("npm run build");
    const ranges = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    for (const [name, range] of Object.entries(ranges)) {
      expect(range, name).not.toMatch(/^(workspace:|file:|\*$)/);
      if (name.startsWith("@error-contract/")) expect(range, name).toBe(`^${version}`);
    }
    expect(ranges["@error-contract/conformance"]).toBeDefined();
  });

  it("writes tsconfig, vitest config, README and .gitignore of its own, and its name everywhere", () => {
    const files = walk(dir);
    expect(JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")).extends).toBeUndefined();
    expect(files).toContain(".gitignore");
    expect(files).toContain("README.md");
    const config = files.find((file) => file.startsWith("vitest.config."));
    expect(readFileSync(join(dir, config as string), "utf8")).toContain("defineConfig");
    for (const file of files) {
      const text = readFileSync(join(dir, file), "utf8");
      expect(text, file).not.toContain(NAME);
      expect(text, file).not.toContain(spec.sample);
      expect(text, file).not.toMatch(/\.\.\/\.\.\/|--root/);
    }
    const tests = files.filter((file) => /^test\/.*\.test\.m?ts$/.test(file));
    expect(tests.length).toBeGreaterThan(0);
    const suite = readFileSync(
      join(dir, tests.find((file) => file.includes("conformance")) as string),
      "utf8",
    );
    expect(suite).toContain('skipTags: ["faults"]');
  });
});

describe("create-error-contract usage", () => {
  const fails = (...args: string[]) => {
    try {
      create(...args);
    } catch (error) {
      const { status, stderr } = error as { status: number; stderr: string };
      return { status, stderr };
    }
    throw new Error(`create-error-contract ${args.join(" ")} succeeded`);
  };

  it("needs a directory and a known framework (exit 2)", () => {
    expect(fails("x")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--framework is required"),
    });
    expect(fails("x", "--framework", "koa")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("must be one of hono, nestjs, express, fastify"),
    });
    expect(fails("--framework", "hono")).toMatchObject({ status: 2 });
    expect(fails("Bad Name", "--framework", "hono")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("no package name"),
    });
  });

  it("never writes into a non-empty directory (exit 1)", () => {
    expect(fails(join(work, "my-hono"), "--framework", "hono")).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("is not empty"),
    });
  });
});
