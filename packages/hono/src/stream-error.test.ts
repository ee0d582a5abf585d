import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { stream } from "hono/streaming";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ContractEnv, errorContract } from "./error-contract.js";

const SECRET = "S3CRET-stream-failure";

// A streamed body that fails midway, over real HTTP: the headers (200) are gone already.
describe("a stream that fails after the headers were sent", () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    const contract = errorContract();
    const app = new Hono<ContractEnv>();
    app.use(contract.middleware).onError(contract.onError).notFound(contract.notFound);
    app.get("/stream", (c) =>
      stream(
        c,
        async (s) => {
          await s.write("first part;");
          await s.sleep(10);
          throw new Error(SECRET);
        },
        contract.onStreamError(c),
      ),
    );
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("aborts the connection, sends no second response, and logs one line with the trace id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const raw = await new Promise<string>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        let text = "";
        socket.on("data", (chunk) => {
          text += chunk.toString("latin1");
        });
        socket.on("error", () => {});
        socket.on("close", () => resolve(text));
        // A connection kept open (the body ended as if complete) fails the checks below.
        setTimeout(() => socket.destroy(), 2_000);
        socket.write("GET /stream HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: req-stream-1\r\n\r\n");
      });
      expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(raw).toContain("first part;");
      // Exactly one status line, and no final chunk: the client can tell the body is cut short.
      expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1);
      expect(raw).not.toMatch(/\r\n0\r\n\r\n$/);
      expect(raw).not.toContain(SECRET);
      await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(log).toHaveBeenCalledTimes(1);
      expect(info).not.toHaveBeenCalled();
      const line = String(log.mock.calls[0]?.[0]);
      expect(line).not.toMatch(/[\r\n]/);
      expect(JSON.parse(line)).toMatchObject({
        level: 50,
        traceId: "req-stream-1",
        msg: "500 internal_error GET /stream",
        err: { type: "ApiError", cause: { type: "Error", message: SECRET } },
      });
    } finally {
      log.mockRestore();
      info.mockRestore();
    }
  });
});
