import type { Service } from "@error-contract/conformance";
import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { platforms, startServer } from "./server.mjs";

const servers = new Map<string, Service>();

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
});

// The reference API's conformance suite over real HTTP against the built service, once per
// Nest platform. The cases tagged `faults` need the samples' fault injection (GET
// /faults/:kind, `X-Fault: database`), which this service does not have. Once your API is no
// longer the reference API, check it with `error-contract check --openapi` instead.
for (const platform of platforms) {
  describeConformance(
    `__SERVICE_NAME__ on ${platform}`,
    async () => {
      const server = await startServer(platform);
      servers.set(platform, server);
      return server.url;
    },
    { skipTags: ["faults"] },
  );

  describe(`__SERVICE_NAME__ on ${platform}: the process`, () => {
    it("exits with 0 on SIGTERM", async () => {
      const server = servers.get(platform);
      expect(server?.running()).toBe(true);
      expect(await server?.stop()).toEqual({ code: 0, signal: null });
    });
  });
}
