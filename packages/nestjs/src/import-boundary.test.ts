import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The adapter imports core's public entries and Nest's own packages only: no platform package
// (Express and Fastify are reached through Nest's adapter), nothing of another package's src.
describe("the adapter's source", () => {
  const dir = new URL("./", import.meta.url);
  const sources = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

  it.each(sources)("%s imports only core's entries, @nestjs/common, @nestjs/core, and zod", (name) => {
    const text = readFileSync(new URL(name, dir), "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
    for (const specifier of imports) {
      expect(specifier).toMatch(
        /^(\.\/[a-z-]+\.js|@error-contract\/core(\/adapter|\/node)?|@nestjs\/(common|core)|zod)$/,
      );
    }
  });
});
