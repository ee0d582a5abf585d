import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostileCases } from "../hostile/cases/all.js";
import { cases } from "./all.js";

// Each suite's case files: one per group, named after it (helpers in requests.ts, the list in all.ts).
async function groupsByFile(dir: string): Promise<Record<string, string[]>> {
  const files = readdirSync(dir).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !["all.ts", "requests.ts"].includes(file),
  );
  const byFile: Record<string, string[]> = {};
  for (const file of files) {
    const module = (await import(join(dir, file))) as Record<string, unknown>;
    const groups = Object.values(module)
      .filter(Array.isArray)
      .flat()
      .map((testCase) => (testCase as { group?: unknown }).group);
    byFile[basename(file, ".ts")] = [...new Set(groups.map(String))];
  }
  return byFile;
}

describe.each([
  ["reference", import.meta.dirname, cases],
  ["hostile", join(import.meta.dirname, "../hostile/cases"), hostileCases],
] as const)("the %s cases", (_name, dir, all) => {
  it("have unique kebab-case ids", () => {
    const ids = all.map((testCase) => testCase.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("live one group a file, the file named after its group, every group listed", async () => {
    const byFile = await groupsByFile(dir);
    expect(Object.entries(byFile).filter(([file, groups]) => groups.join() !== file)).toEqual([]);
    expect(new Set(all.map((testCase) => testCase.group))).toEqual(new Set(Object.keys(byFile)));
  });
});
