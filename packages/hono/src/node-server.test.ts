import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractEnv, errorContract } from "./error-contract.js";

// The same app over real HTTP: @hono/node-server brings its own Request and streams bodies.
describe("errorContract on @hono/node-server", () => {
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    const contract = errorContract({ bodyLimit: 1024, report: () => {} });
    const app = new Hono<ContractEnv>();
    app.use(contract.middleware).onError(contract.onError).notFound(contract.notFound);
    app.post("/text", async (c) => c.text(await c.req.text()));
    app.get("/string", () => {
      throw "S3CRET";
    });
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a chunked body over the limit with a 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(512));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 4) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // A stream body goes out chunked: no Content-Length to check up front.
    const response = await fetch(`${base}/text`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
  });

  it("answers a thrown string with the contract", async () => {
    const response = await fetch(`${base}/string`, { headers: { "X-Request-Id": "req-1" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: "internal_error",
      message: "Internal server error",
      traceId: "req-1",
    });
  });

  it("answers HEAD of an unknown path with a 404 and no body", async () => {
    const response = await fetch(`${base}/nope`, { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(await response.text()).toBe("");
  });
});
