import swc from "unplugin-swc";
import { defineProject } from "vitest/config";

export default defineProject({
  // The tests run the built server (dist/main.js); SWC only matters if a test imports Nest code.
  plugins: [
    swc.vite({
      tsconfigFile: false,
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    }),
  ],
  test: { name: "nestjs-sample", include: ["test/**/*.test.mts"], testTimeout: 15_000, hookTimeout: 30_000 },
});
