import swc from "unplugin-swc";
import { defineProject } from "vitest/config";

export default defineProject({
  // SWC keeps the decorator metadata that @nestjs/swagger reads (nestjs.test.ts).
  plugins: [
    swc.vite({
      tsconfigFile: false,
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
    }),
  ],
  test: { name: "openapi", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
