import { defineProject } from "vitest/config";

export default defineProject({
  // One quick run of the harness: servers, checks, alternation, report. No timing is asserted.
  test: { name: "bench", include: ["bench.test.ts"], testTimeout: 180_000 },
});
