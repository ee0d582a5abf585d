import type { Service } from "@error-contract/conformance";
import { describeHostile } from "@error-contract/conformance/vitest";
import { afterAll } from "vitest";
import { platforms, startServer } from "./server.mjs";

const servers: Service[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

// Malformed JSON, lying lengths, aborted uploads, odd methods and headers over raw HTTP/1.1.
for (const platform of platforms) {
  describeHostile(`__SERVICE_NAME__ on ${platform}, hostile`, async () => {
    const server = await startServer(platform);
    servers.push(server);
    return server.url;
  });
}
