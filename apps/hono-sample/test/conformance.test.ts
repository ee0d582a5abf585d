import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, beforeAll, vi } from "vitest";
import { createApp } from "../src/app.js";

// The fault cases log one line per 5xx by design; keep the test output readable.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

// A fresh user store, so that the suite does not depend on what other tests registered.
describeConformance(
  "hono-sample in process",
  () => {
    const app = createApp();
    return (request) => app.request(request);
  },
  { withTags: ["wording"] },
);
