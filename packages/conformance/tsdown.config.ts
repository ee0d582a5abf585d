import { defineConfig } from "tsdown";

export default defineConfig([
  {
    // The library: the runner and cases (`.`), the vitest integration (`./vitest`) and the
    // fast-check arbitraries (`./fast-check`).
    entry: ["src/index.ts", "src/vitest.ts", "src/fast-check.ts"],
    format: ["esm", "cjs"],
    dts: true,
    platform: "node",
    fixedExtension: false,
    clean: true,
  },
  {
    // The CLI: one ESM file with its shebang; no types, nothing imports it.
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    platform: "node",
    fixedExtension: false,
    clean: false,
  },
]);
