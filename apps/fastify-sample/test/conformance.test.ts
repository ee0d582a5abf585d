import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, beforeAll, vi } from "vitest";
import { buildApp } from "../src/app.js";

// The fault cases log one line per 5xx by design; keep the test output readable.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});

let app: Awaited<ReturnType<typeof buildApp>> | undefined;
afterAll(async () => {
  await app?.close();
  vi.restoreAllMocks();
});

// In process (from the sources, not the build), with a fresh user store, over real HTTP.
describeConformance(
  "fastify-sample in process",
  async () => {
    app = await buildApp();
    return app.listen({ port: 0, host: "127.0.0.1" });
  },
  { withTags: ["wording"] },
);
