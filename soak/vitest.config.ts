import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "soak", include: ["soak.test.ts"], testTimeout: 120_000, hookTimeout: 60_000 },
});
