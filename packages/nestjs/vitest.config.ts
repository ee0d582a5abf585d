import swc from "unplugin-swc";
import { defineProject } from "vitest/config";

export default defineProject({
  // SWC keeps the decorator metadata Nest's dependency injection reads; vite's own transform drops it.
  plugins: [
    swc.vite({
      tsconfigFile: false,
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    }),
  ],
  test: { name: "nestjs", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
