import { type Service } from "@error-contract/conformance";
import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "./server.js";

let server: Service | undefined;

// The reference API's conformance suite over real HTTP against the built service. The cases
// tagged `faults` need the samples' fault injection (GET /faults/:kind, `X-Fault: database`),
// which this service does not have. Once your API is no longer the reference API, check it
// with `error-contract check --openapi` against your own document instead.
describeConformance(
  "__SERVICE_NAME__ over HTTP",
  async () => {
    server = await startServer();
    return server.url;
  },
  { skipTags: ["faults"] },
);

describe("__SERVICE_NAME__ process", () => {
  it("exits with 0 on SIGTERM", async () => {
    expect(server?.running()).toBe(true);
    expect(await server?.stop()).toEqual({ code: 0, signal: null });
  });
});

afterAll(() => server?.stop());
