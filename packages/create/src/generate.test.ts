import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, invalidName } from "./generate.js";

const work = mkdtempSync(join(tmpdir(), "create-generate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A template as the build writes one: the service name as a placeholder, gitignore without its dot.
const templates = join(work, "templates");
mkdirSync(join(templates, "hono/src"), { recursive: true });
writeFileSync(join(templates, "hono/src/server.ts"), 'console.log("__SERVICE_NAME__ listening on");\n');
writeFileSync(join(templates, "hono/gitignore"), "node_modules\n");
writeFileSync(
  join(templates, "hono/package.json"),
  JSON.stringify({
    name: "__SERVICE_NAME__",
    dependencies: { "@error-contract/hono": "^0.0.0", hono: "^4.13.19" },
    devDependencies: { "@error-contract/conformance": "^0.0.0" },
  }),
);

const options = { framework: "hono", templates, toolkitRange: "^0.1.0" } as const;
const readPkg = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

describe("generate", () => {
  it("writes the template with the service's name and the toolkit at the given range", () => {
    const directory = join(work, "a");
    expect(generate({ ...options, directory, name: "billing-api" })).toEqual([
      ".gitignore",
      "package.json",
      join("src", "server.ts"),
    ]);
    expect(readFileSync(join(directory, "src/server.ts"), "utf8")).toContain("billing-api listening on");
    expect(readPkg(directory)).toEqual({
      name: "billing-api",
      dependencies: { "@error-contract/hono": "^0.1.0", hono: "^4.13.19" },
      devDependencies: { "@error-contract/conformance": "^0.1.0" },
    });
  });

  it("points the toolkit at local tarballs, as dependencies and overrides", () => {
    const directory = join(work, "b");
    const tarballs = {
      "@error-contract/conformance": "/p/error-contract-conformance-0.0.0.tgz",
      "@error-contract/core": "/p/error-contract-core-0.0.0.tgz",
      "@error-contract/hono": "/p/error-contract-hono-0.0.0.tgz",
    };
    generate({ ...options, directory, name: "b", tarballs });
    const pkg = readPkg(directory);
    expect(pkg.dependencies["@error-contract/hono"]).toBe("file:/p/error-contract-hono-0.0.0.tgz");
    expect(pkg.devDependencies["@error-contract/conformance"]).toBe(
      "file:/p/error-contract-conformance-0.0.0.tgz",
    );
    expect(pkg.overrides).toEqual({
      "@error-contract/conformance": "file:/p/error-contract-conformance-0.0.0.tgz",
      "@error-contract/core": "file:/p/error-contract-core-0.0.0.tgz",
      "@error-contract/hono": "file:/p/error-contract-hono-0.0.0.tgz",
    });
  });

  it("refuses a non-empty directory and missing tarballs", () => {
    const directory = join(work, "c");
    mkdirSync(directory);
    writeFileSync(join(directory, "keep.txt"), "mine");
    expect(() => generate({ ...options, directory, name: "c" })).toThrow(/is not empty/);
    expect(readFileSync(join(directory, "keep.txt"), "utf8")).toBe("mine");
    expect(() =>
      generate({
        ...options,
        directory: join(work, "d"),
        name: "d",
        tarballs: { "@error-contract/core": "/x.tgz" },
      }),
    ).toThrow(/no tarball of @error-contract\/hono/);
  });
});

describe("invalidName", () => {
  it.each(["my-service", "@acme/billing-api", "a.b_c~d"])("accepts %s", (name) => {
    expect(invalidName(name)).toBeUndefined();
  });
  it.each(["My-Service", "my service", "", "-x", "@acme/", "a/b"])("refuses %j", (name) => {
    expect(invalidName(name)).toMatch(/npm package name/);
  });
});
