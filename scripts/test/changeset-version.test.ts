// `changeset version` on a temporary copy of the repository: the fixed group moves every
// published package to one new version, writes their CHANGELOGs from the pending changesets,
// updates internal ranges, and leaves the private sample apps alone.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const workspaceDirs = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(group, name)),
);
const published = workspaceDirs.filter((dir) => !readJson(join(root, dir, "package.json")).private);
const samples = workspaceDirs.filter((dir) => readJson(join(root, dir, "package.json")).private);
const pending = readdirSync(join(root, ".changeset")).filter(
  (name) => name.endsWith(".md") && name !== "README.md",
);

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "error-contract-version-"));
  for (const entry of [".changeset", "package.json", ...workspaceDirs]) {
    cpSync(join(root, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|\.turbo)([\\/]|$)/.test(source),
    });
  }
  execFileSync(process.execPath, [join(root, "node_modules/@changesets/cli/bin.js"), "version"], {
    cwd: copy,
    stdio: "pipe",
  });
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("changeset version", () => {
  it("has pending changesets to release", () => {
    expect(pending.length).toBeGreaterThan(0);
  });

  it("moves every published package to the same new version (one fixed group)", () => {
    const before = published.map((dir) => readJson(join(root, dir, "package.json")).version);
    const after = published.map((dir) => readJson(join(copy, dir, "package.json")).version);
    expect(new Set(before).size).toBe(1);
    expect(new Set(after).size).toBe(1);
    expect(after[0]).not.toBe(before[0]);
  });

  it("writes each published package's CHANGELOG from its changesets", () => {
    const version = readJson(join(copy, published[0] as string, "package.json")).version;
    for (const dir of published) {
      const changelog = readFileSync(join(copy, dir, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(`## ${version}`);
      expect(changelog).toContain("First release");
    }
  });

  it("updates internal dependency ranges to the new version", () => {
    const version = readJson(join(copy, published[0] as string, "package.json")).version;
    for (const dir of [...published, ...samples]) {
      const pkg = readJson(join(copy, dir, "package.json"));
      for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
        if (name.startsWith("@error-contract/")) expect(range, `${dir} → ${name}`).toBe(`^${version}`);
      }
    }
  });

  it("leaves the private sample apps unversioned", () => {
    for (const dir of samples) {
      expect(readJson(join(copy, dir, "package.json")).version).toBe(
        readJson(join(root, dir, "package.json")).version,
      );
      expect(existsSync(join(copy, dir, "CHANGELOG.md"))).toBe(false);
    }
  });

  it("consumes the pending changesets", () => {
    const left = readdirSync(join(copy, ".changeset")).filter(
      (name) => name.endsWith(".md") && name !== "README.md",
    );
    expect(left).toEqual([]);
  });
});
