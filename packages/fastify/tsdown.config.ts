import { defineConfig } from "tsdown";

export default defineConfig({
  // Only warnings and errors: the CJS build is deliberate, and plugin timings are no finding.
  logLevel: "warn",
  checks: { legacyCjs: false, pluginTimings: false },
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  platform: "node",
  clean: true,
  fixedExtension: false,
});
