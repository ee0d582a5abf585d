import { defineConfig } from "tsdown";

export default defineConfig({
  // Only warnings and errors: the CJS build is deliberate, and plugin timings are no finding.
  logLevel: "warn",
  checks: { legacyCjs: false, pluginTimings: false },
  // The CLI: one ESM file with its shebang; scripts/build-templates.mjs adds dist/templates.
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  platform: "node",
  fixedExtension: false,
  clean: true,
});
