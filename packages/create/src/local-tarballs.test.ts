import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localTarballs } from "./local-tarballs.js";

const dir = mkdtempSync(join(tmpdir(), "local-tarballs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("localTarballs", () => {
  it("maps npm pack's file names to the scoped packages, the newest version of each", () => {
    for (const file of [
      "error-contract-core-0.1.0.tgz",
      "error-contract-core-0.10.0.tgz",
      "error-contract-core-0.9.1.tgz",
      "error-contract-open-api-thing-1.0.0-rc.1.tgz",
      "create-error-contract-0.1.0.tgz",
      "notes.txt",
    ])
      writeFileSync(join(dir, file), "");
    expect(localTarballs(dir)).toEqual({
      "@error-contract/core": join(dir, "error-contract-core-0.10.0.tgz"),
      "@error-contract/open-api-thing": join(dir, "error-contract-open-api-thing-1.0.0-rc.1.tgz"),
    });
  });

  it("fails for a folder without tarballs", () => {
    const empty = mkdtempSync(join(dir, "empty-"));
    expect(() => localTarballs(empty)).toThrow(/no @error-contract\/\* tarballs/);
  });
});
