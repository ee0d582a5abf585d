import { defineConfig } from "tsdown";

export default defineConfig({
  // The CLI: one ESM file with its shebang; scripts/build-templates.mjs adds dist/templates.
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  platform: "node",
  fixedExtension: false,
  clean: true,
});
