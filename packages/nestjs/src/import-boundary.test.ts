import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const RUNTIME = /^(\.\/[a-z-]+\.js|@error-contract\/core(\/adapter|\/node)?|@nestjs\/(common|core)|zod)$/;
// Types only (erased from the output): the platforms' own types instead of hand-written shapes.
const TYPES_ONLY = /^(express|fastify|node:http)$/;

// The adapter imports core's public entries and Nest's own packages only: no platform package
// at runtime (Express and Fastify are reached through Nest's adapter), nothing of another
// package's src; the platforms' types stay out of the public types.
describe("the adapter's source", () => {
  const dir = new URL("./", import.meta.url);
  const sources = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

  it.each(sources)(
    "%s imports core's entries, @nestjs/common, @nestjs/core, zod (and platform types)",
    (name) => {
      const text = readFileSync(new URL(name, dir), "utf8");
      for (const [, typeOnly, specifier] of text.matchAll(/^import (type )?[^;]*?from\s+"([^"]+)"/gms)) {
        expect(specifier).toMatch(typeOnly ? new RegExp(`${RUNTIME.source}|${TYPES_ONLY.source}`) : RUNTIME);
      }
    },
  );

  const declarations = ["index.d.ts", "index.d.cts"].map(
    (file) => new URL(`../dist/${file}`, import.meta.url),
  );
  it.runIf(declarations.every((file) => existsSync(file)))(
    "keeps Express's and Fastify's types out of the built .d.ts",
    () => {
      for (const file of declarations) {
        expect(readFileSync(file, "utf8")).not.toMatch(
          /from ["'](express|fastify)["']|import\(["'](express|fastify)/,
        );
      }
    },
  );
});
