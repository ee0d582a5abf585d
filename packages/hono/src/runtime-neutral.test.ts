import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Hono apps run on Node, Bun, Deno and edge runtimes: the adapter uses no Node module.
describe("the adapter's source", () => {
  const dir = new URL("./", import.meta.url);
  const sources = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

  // core's node entry has no Node import either: it types and reads Node's request and response.
  it.each(sources)("%s imports only core's entries, hono and zod", (name) => {
    const text = readFileSync(new URL(name, dir), "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
    for (const specifier of imports)
      expect(specifier).toMatch(/^(\.\/|@error-contract\/core(\/adapter|\/node)?$|hono(\/|$)|zod$)/);
    expect(text).not.toMatch(/\b(process|Buffer|require)\s*[.(]/);
  });
});
