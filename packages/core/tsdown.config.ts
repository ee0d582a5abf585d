import { defineConfig } from "tsdown";

export default defineConfig({
  // Only warnings and errors: the CJS build is deliberate, and plugin timings are no finding.
  logLevel: "warn",
  checks: { legacyCjs: false, pluginTimings: false },
  entry: ["src/index.ts", "src/adapter.ts", "src/node.ts"],
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  clean: true,
});
