import { once } from "node:events";
import { describeConformance } from "@error-contract/conformance/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { type StartedServer, startServer } from "./start-server.js";

let server: StartedServer | undefined;

describeConformance("fastify-sample over HTTP", async () => {
  server = await startServer();
  return server.url;
});

describe("fastify-sample server", () => {
  it("exits with 0 on SIGTERM", async () => {
    const child = server?.child;
    expect(child?.exitCode).toBeNull();
    const exited = once(child as NonNullable<typeof child>, "exit");
    child?.kill("SIGTERM");
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});

afterAll(() => server?.stop());
