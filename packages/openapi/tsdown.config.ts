import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/hono.ts", "src/nestjs.ts", "src/fastify.ts", "src/conformance.ts"],
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  clean: true,
});
