import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ContractEnv, errorContract, traceIdOf } from "./error-contract.js";

/** A POST of `size` bytes as a stream: it goes out chunked, in 512-byte chunks. */
function chunkedPost(size: number): RequestInit {
  const chunk = new TextEncoder().encode("x".repeat(512));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.length;
      if (sent > size) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { method: "POST", body, duplex: "half" } as RequestInit;
}

// The same app over real HTTP: @hono/node-server brings its own Request and streams bodies.
let base: string;
const report = vi.fn();

describe("errorContract on @hono/node-server", () => {
  let server: ServerType;

  beforeAll(async () => {
    const contract = errorContract({ bodyLimit: 1024, report });
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
    // A stream body goes out chunked: no Content-Length to check up front.
    const response = await fetch(`${base}/text`, chunkedPost(4 * 512));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
  });

  it("closes the connection after a 413, so a keep-alive pool's next request succeeds", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Declared too large and never sent: the server cannot read past it.
      const tooLarge = await request(agent, "POST", "/text", { "Content-Length": "100000" }, "x");
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.connection).toBe("close");
      const next = await request(agent, "POST", "/text", { "Content-Type": "text/plain" }, "again");
      expect(next).toMatchObject({ status: 200, body: "again" });
    } finally {
      agent.destroy();
    }
  });

  it("does not report an upload the client dropped half-way as a server failure", async () => {
    report.mockClear();
    const { port } = new URL(base);
    const socket = connect(Number(port), "127.0.0.1");
    socket.on("error", () => {});
    socket.write("POST /text HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789");
    await new Promise((resolve) => setTimeout(resolve, 30));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(report).not.toHaveBeenCalled();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
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

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

// node:http with a pooled agent: fetch hides whether a connection was reused.
function request(
  agent: Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  origin = base,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${origin}${path}`, { method, headers, agent }, (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      incoming.on("end", () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

// Served through contract.fetch, without the middleware: what it does per request happens in the wrapper.
describe("contract.fetch on @hono/node-server", () => {
  let server: ServerType;
  let url: string;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    const contract = errorContract({ bodyLimit: 1024, report: () => {} });
    const app = new Hono().onError(contract.onError).notFound(contract.notFound);
    app.get("/ok", (c) => {
      seen.push(traceIdOf(c));
      return c.json({ ok: true });
    });
    app.get("/raw", () => new Response("raw"));
    app.get("/error", () => {
      throw new Error("S3CRET");
    });
    app.get("/string", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw "S3CRET";
    });
    app.post("/text", async (c) => c.text(await c.req.text()));
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: contract.fetch(app), port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts the trace id on success responses, built or returned as they are, and gives it to handlers", async () => {
    const ok = await fetch(`${url}/ok`, {
      headers: { traceparent: `00-${"ab".repeat(16)}-00f067aa0ba902b7-01` },
    });
    expect(ok.headers.get("X-Request-Id")).toBe("ab".repeat(16));
    expect(seen.at(-1)).toBe("ab".repeat(16));
    expect((await fetch(`${url}/raw`)).headers.get("X-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ["/error", 500, "internal_error"],
    ["/string", 500, "internal_error"],
    ["/nope", 404, "not_found"],
    ["/users/%E0%A4%A", 400, "bad_request"],
  ])("answers GET %s with the contract, one trace id in header and body", async (path, status, error) => {
    const response = await fetch(`${url}${path}`, { headers: { "X-Request-Id": "req-fetch-1" } });
    expect(response.status).toBe(status);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Request-Id")).toBe("req-fetch-1");
    expect(await response.json()).toMatchObject({ error, traceId: "req-fetch-1" });
  });

  it("answers a body over the limit with a 413, declared or chunked, and lets one within it through", async () => {
    const declared = await request(new Agent(), "POST", "/text", { "Content-Length": "2000" }, "x", url);
    expect(declared.status).toBe(413);
    expect(declared.headers["x-request-id"]).toBe(JSON.parse(declared.body).traceId);
    const chunked = await fetch(`${url}/text`, chunkedPost(4 * 512));
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ error: "payload_too_large" });
    const within = await fetch(`${url}/text`, { method: "POST", body: "y".repeat(1024) });
    expect(await within.text()).toBe("y".repeat(1024));
  });
});

describe("contract.fetch with hono/request-id and the middleware", () => {
  it("gives the request one id: header, c.var.requestId and the error body", async () => {
    const contract = errorContract({ report: () => {} });
    const app = new Hono<ContractEnv>();
    app.use(requestId()).use(contract.middleware).onError(contract.onError);
    app.get("/ids", (c) => c.json({ requestId: c.var.requestId, traceId: traceIdOf(c) }));
    app.get("/boom", () => {
      throw new Error("S3CRET");
    });
    const server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: contract.fetch(app), port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const ok = await fetch(`${origin}/ids`);
      const id = ok.headers.get("X-Request-Id");
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(await ok.json()).toEqual({ requestId: id, traceId: id });
      const failed = await fetch(`${origin}/boom`);
      expect((await failed.json()).traceId).toBe(failed.headers.get("X-Request-Id"));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

// What @hono/node-server hands the app, in memory: Node's request, and a response that keeps its headers.
function nodeEnv(url: string, headers: Record<string, string> = {}) {
  const set = new Map<string, string>();
  const incoming = { url, headers, httpVersionMajor: 1 };
  const outgoing = {
    setHeader: (name: string, value: string) => set.set(name.toLowerCase(), value),
    destroy() {},
  };
  return { env: { incoming, outgoing }, sent: set };
}

describe("contract.fetch, whatever the app throws", () => {
  it("answers a throw or a rejection, Error or not, with the trace id it put on Node's response", async () => {
    const report = vi.fn();
    const contract = errorContract({ report });
    const { env, sent } = nodeEnv("/boom", { "x-request-id": "req-1" });
    const thrown = await contract.fetch({
      fetch: () => {
        throw "not an Error";
      },
    })(new Request("http://x/boom"), env);
    expect(thrown.status).toBe(500);
    expect(await thrown.json()).toMatchObject({ error: "internal_error", traceId: "req-1" });
    expect(sent.get("x-request-id")).toBe("req-1");
    const rejecting = contract.fetch({ fetch: () => Promise.reject(new HTTPException(409)) });
    const rejected = await rejecting(new Request("http://x/boom"), nodeEnv("/boom").env);
    expect(rejected.status).toBe(409);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[1]).toMatchObject({ traceId: "req-1", method: "GET", path: "/boom" });
  });

  it("refuses a malformed path as sent before the app runs", async () => {
    const app = { fetch: vi.fn(() => new Response("never")) };
    const response = await errorContract().fetch(app)(new Request("http://x/a"), nodeEnv("/a%").env);
    expect(response.status).toBe(400);
    expect(app.fetch).not.toHaveBeenCalled();
  });
});
