import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { defineErrors } from "@error-contract/core";
import express5 from "express";
// @ts-expect-error: the npm alias of Express 4 has no types of its own (the cast below gives them)
import express4 from "express4";
import createHttpError from "http-errors";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { errorContract, json, validate } from "./index.js";

const Body = z.object({ email: z.email(), password: z.string().min(12) });

function build(express: typeof express5) {
  const contract = errorContract({
    format: "negotiate",
    catalog: defineErrors({ email_taken: { status: 409, message: "Taken" } }),
  });
  const app = express();
  app.use(contract.traceId);
  const router = express.Router({ caseSensitive: true, strict: true });
  router.post("/users", json({ limit: 1024 }), validate({ body: Body }), (req, res) => {
    res.status(201).json({ email: req.body.email });
  });
  router.get("/users/:id", validate({ params: z.object({ id: z.string().max(5) }) }), (req, res) => {
    res.json({ id: req.params.id });
  });
  router.get("/ok", (_req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.json({ ok: true });
  });
  router.get("/boom", () => {
    // A message that tries to forge a second log line.
    throw new Error('S3CRET\r\n{"level":30,"msg":"forged"}', { cause: new Error("pool exhausted") });
  });
  router.get("/late", (_req, res) => {
    res.write("partial");
    throw new Error("S3CRET after the headers");
  });
  router.get("/async", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    throw new Error("S3CRET");
  });
  router.get("/null", async () => {
    throw null;
  });
  router.get("/http-429", () => {
    throw createHttpError(429);
  });
  router.get("/cors-fail", (_req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("ETag", 'W/"1"');
    throw { statusCode: 502, message: "S3CRET" };
  });
  app.use(router);
  app.use(contract.notFound);
  app.use(contract.errorHandler);
  return app;
}

describe.each([
  ["Express 5", express5],
  ["Express 4", express4 as unknown as typeof express5],
])("%s", (_name, express) => {
  let base = "";
  let port = 0;
  let close = () => {};
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const server = build(express).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    vi.restoreAllMocks();
  });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/users`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    });
  const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()) });

  it("sets X-Request-Id on success: the incoming one if valid, else a new one", async () => {
    const response = await fetch(`${base}/ok`, { headers: { "X-Request-Id": "abc-1" } });
    expect(response.headers.get("x-request-id")).toBe("abc-1");
    const fresh = await fetch(`${base}/ok`, { headers: { "X-Request-Id": "bad id" } });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("sends error answers with a Content-Length, not chunked, and no X-Powered-By", async () => {
    const response = await fetch(`${base}/nope`);
    const body = await response.text();
    expect(response.headers.get("content-length")).toBe(String(new TextEncoder().encode(body).length));
    expect(response.headers.get("transfer-encoding")).toBeNull();
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("logs a 5xx as one JSON line by default, with the trace id, the path without its query, the causes", async () => {
    const log = vi.mocked(console.error);
    log.mockClear();
    const response = await fetch(`${base}/boom?token=abc`, { headers: { "X-Request-Id": "req-5" } });
    const { traceId } = await response.json();
    expect(log).toHaveBeenCalledTimes(1);
    // The line's format is core's (json-log.test.ts); the adapter gives it the request and the cause.
    const record = JSON.parse(String(log.mock.calls[0]?.[0]));
    expect(record).toMatchObject({
      level: 50,
      traceId,
      method: "GET",
      path: "/boom",
      code: "internal_error",
    });
    expect(record.err.cause.cause).toMatchObject({ message: "pool exhausted" });
    expect(traceId).toBe("req-5");
  });

  it("after the headers went out: reports once and drops the connection", async () => {
    const log = vi.mocked(console.error);
    log.mockClear();
    await expect(fetch(`${base}/late`).then((response) => response.text())).rejects.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({ level: 50, path: "/late" });
  });

  it("answers an unknown path and a case or slash variant with the contract 404", async () => {
    for (const path of ["/nope", "/OK", "/ok/"]) {
      const response = await fetch(`${base}${path}`, { headers: { "X-Request-Id": "nf-1" } });
      expect(await errorOf(response)).toEqual({
        status: 404,
        error: "not_found",
        message: expect.any(String),
        traceId: "nf-1",
      });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.headers.get("etag")).toBeNull();
    }
  });

  it("turns async rejections, a rejection with null and duck-typed objects into a 500", async () => {
    for (const path of ["/async", "/null", "/cors-fail"]) {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text).error).toBe("internal_error");
      expect(text).not.toContain("S3CRET");
    }
  });

  it("keeps CORS headers of the failed response and drops the rest", async () => {
    const response = await fetch(`${base}/cors-fail`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("etag")).toBeNull();
  });

  it("takes Express's own http-errors with their status", async () => {
    expect((await errorOf(await fetch(`${base}/http-429`))).error).toBe("too_many_requests");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await fetch(`${base}/nope`, { method: "HEAD" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.text()).toBe("");
  });

  it("splits zod failures into 400 and 422, and validates params", async () => {
    expect(await errorOf(await post("{}"))).toMatchObject({
      status: 400,
      error: "bad_request",
      fields: { email: expect.any(String) },
    });
    expect(await errorOf(await post('{"email":"x","password":"short"}'))).toMatchObject({
      status: 422,
      error: "validation_failed",
    });
    expect((await post('{"email":"a@b.co","password":"long-enough-1"}')).status).toBe(201);
    expect((await errorOf(await fetch(`${base}/users/toolongid`))).status).toBe(422);
  });

  it("refuses bodies by the contract's rules", async () => {
    expect((await errorOf(await post("{"))).error).toBe("bad_request");
    expect((await errorOf(await post(""))).error).toBe("bad_request");
    expect((await post("{}", { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("{}", { "content-type": "application/json; charset=latin1" })).status).toBe(415);
    const coded = await post("{}", { "content-encoding": "gzip" });
    expect(coded.status).toBe(415);
    expect(coded.headers.get("accept-encoding")).toBe("identity");
    expect((await post("x".repeat(2000))).status).toBe(413);
    expect((await post('"text"', { "content-type": "application/vnd.api+json" })).status).toBe(400);
  });

  it("decodes a malformed percent-encoded param to a 400", async () => {
    expect((await errorOf(await fetch(`${base}/users/%E0%A4%A`))).error).toBe("bad_request");
  });

  it("answers a chunked oversize body with 413 before it ends and closes the connection", async () => {
    // Node's client sends the body chunked; it never ends it, so only the server's 413 can answer.
    const answer = await new Promise<{
      status?: number | undefined;
      connection?: string | undefined;
      body: string;
    }>((resolve) => {
      const headers = { "Content-Type": "application/json", "Transfer-Encoding": "chunked" };
      const upload = request({ host: "127.0.0.1", port, method: "POST", path: "/users", headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
      });
      upload.on("error", () => {});
      upload.write("x".repeat(0x800)); // over the limit
    });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(answer.body).toContain('"error":"payload_too_large"');
  });
});
