import { defineConfig, type UserConfig } from "tsdown";

// Only warnings and errors: the CJS build is deliberate, and plugin timings are no finding.
const quiet: UserConfig = { logLevel: "warn", checks: { legacyCjs: false, pluginTimings: false } };
const library: UserConfig = {
  ...quiet,
  format: ["esm", "cjs"],
  dts: true,
  platform: "node",
  fixedExtension: false,
};

export default defineConfig([
  {
    // The library: the runner and cases (`.`) and the vitest integration (`./vitest`).
    ...library,
    entry: ["src/index.ts", "src/vitest.ts"],
    clean: true,
  },
  {
    // The fast-check arbitraries (`./fast-check`), built apart: a shared chunk would make the
    // main entry load fast-check, an optional peer.
    ...library,
    entry: ["src/fast-check.ts"],
    clean: false,
  },
  {
    // The CLI: one ESM file with its shebang; no types, nothing imports it.
    ...quiet,
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    platform: "node",
    fixedExtension: false,
    clean: false,
  },
]);
