import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/server.ts"],
  format: ["esm"],
  platform: "node",
  dts: false,
  clean: true,
  fixedExtension: false,
});
