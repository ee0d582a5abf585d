import { describeHostile } from "@error-contract/conformance/vitest";
import { afterAll } from "vitest";
import { type StartedServer, startServer } from "./start-server.js";

let server: StartedServer | undefined;

// The hostile catalog over raw HTTP/1.1 against the built server (Express).
describeHostile("fastify-sample over HTTP, hostile", async () => {
  server = await startServer();
  return server.url;
});

afterAll(() => server?.stop());
