import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const packagesDir = join(root, "packages");

// Every relative specifier of a module: imports, re-exports and `import type` alike.
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return /\.m?ts$/.test(entry.name) ? [path] : [];
  });
}

/** The modules each module of a folder imports, by path (`./x.js` is `./x.ts`). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourcesOf(dir)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(SPECIFIER)].map((match) =>
      resolve(dirname(file), (match[1] ?? match[2]) as string).replace(/\.(m?)js$/, ".$1ts"),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** Each cycle once, as the list of modules around it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("imports", () => {
  const packages = readdirSync(packagesDir).filter((name) => {
    try {
      return readdirSync(join(packagesDir, name, "src")).length > 0;
    } catch {
      return false;
    }
  });

  it.each(packages)("packages/%s/src has no import cycle, type-only imports included", (name) => {
    const cycles = cyclesOf(importGraph(join(packagesDir, name, "src")));
    expect(cycles.map((cycle) => cycle.map((file) => relative(root, file)).join(" → "))).toEqual([]);
  });

  it("finds a cycle made of type-only imports", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cyclesOf(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    const text = 'import type { X } from "./b.js";\nexport { y } from "../c.js";';
    expect([...text.matchAll(SPECIFIER)].map((match) => match[1])).toEqual(["./b.js", "../c.js"]);
  });
});
