import { describeHostile } from "@error-contract/conformance/vitest";
import { afterAll } from "vitest";
import { type RunningServer, startServer } from "./server.mjs";

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

// The hostile catalog over raw HTTP/1.1 against the built server, once per platform.
for (const platform of ["express", "fastify"] as const) {
  describeHostile(`nestjs-sample on ${platform}, hostile`, async () => {
    const server = await startServer(platform);
    servers.push(server);
    return server.url;
  });
}
