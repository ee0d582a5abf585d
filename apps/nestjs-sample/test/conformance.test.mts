import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.mjs";

const servers = new Map<string, RunningServer>();

// Top level, so the servers stop whichever tests were selected.
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
});

// The whole conformance suite over real HTTP, once per platform, against the built server.
for (const platform of ["express", "fastify"] as const) {
  const running = () => {
    const server = servers.get(platform);
    if (!server) throw new Error(`nestjs-sample (${platform}) was not started`);
    return server;
  };

  describeConformance(`nestjs-sample on ${platform}`, async () => {
    const server = await startServer(platform);
    servers.set(platform, server);
    return server.url;
  });

  describe(`nestjs-sample on ${platform}: the process`, () => {
    it("logs each 5xx once as a JSON line with its trace id, and never the Content-Type warning", async () => {
      const server = running();
      const response = await fetch(`${server.url}/faults/error`, {
        headers: { "x-request-id": `log-${platform}` },
      });
      expect(response.status).toBe(500);
      await response.text();
      const line = await server.waitForOutput(new RegExp(`"traceId":"log-${platform}"`));
      const record = JSON.parse(line.slice(line.indexOf("{")));
      expect(record).toMatchObject({
        level: 50,
        status: 500,
        code: "internal_error",
        traceId: `log-${platform}`,
      });
      expect(line).toContain("S3CRET-fault-do-not-leak"); // the log has the real error, the client does not
      expect(server.output().split(`"traceId":"log-${platform}"`)).toHaveLength(2); // logged once
      expect(server.output()).not.toContain("Content-Type doesn't match");
    });

    it("closes on SIGTERM", async () => {
      const server = running();
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      expect(server.output()).not.toMatch(/Unhandled|ERROR.*close/i);
    });
  });
}
