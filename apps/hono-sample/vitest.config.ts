import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "hono-sample", include: ["test/**/*.test.ts"] },
});
