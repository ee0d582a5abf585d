import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, beforeAll, vi } from "vitest";
import { createApp } from "../src/app.js";

// The fault cases log one line per 5xx by design; keep the test output readable.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});

let server: Server | undefined;
afterAll(() => {
  server?.close();
  vi.restoreAllMocks();
});

// In process (from the sources, not the build), with a fresh user store.

describeConformance(
  "express-sample in process",
  async () => {
    server = createApp().listen(0, "127.0.0.1");
    await new Promise((resolve) => server?.once("listening", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  },
  { withTags: ["wording"] },
);
