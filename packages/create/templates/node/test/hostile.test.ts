import { type Service } from "@error-contract/conformance";
import { describeHostile } from "@error-contract/conformance/vitest";
import { afterAll } from "vitest";
import { startServer } from "./server.js";

let server: Service | undefined;

// Malformed JSON, lying lengths, aborted uploads, odd methods and headers over raw HTTP/1.1.
describeHostile("__SERVICE_NAME__ over HTTP, hostile", async () => {
  server = await startServer();
  return server.url;
});

afterAll(() => server?.stop());
