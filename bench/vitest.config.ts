import { defineProject } from "vitest/config";

export default defineProject({
  // One quick run of the harness: servers, checks, alternation, report. No timing is asserted.
  // About a minute on an idle machine; 160 s was seen on a loaded shared one.
  test: { name: "bench", include: ["bench.test.ts"], testTimeout: 300_000 },
});
