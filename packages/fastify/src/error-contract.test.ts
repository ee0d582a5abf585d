import { connect } from "node:net";
import createError from "@fastify/error";
import fastify5 from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import fastify4 from "fastify4";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { errorContract, serverOptions, zodValidatorCompiler } from "./index.js";

const Body = z.object({ email: z.email(), password: z.string().min(12) });
const TooMany = createError("APP_TOO_MANY", "Slow down", 429);

async function build(fastify: typeof fastify5, provider: boolean, extra: object) {
  const app = fastify({ ...serverOptions({ format: "negotiate" }), bodyLimit: 1024, ...extra });
  app.setValidatorCompiler(provider ? validatorCompiler : zodValidatorCompiler);
  if (provider) app.setSerializerCompiler(serializerCompiler);
  await app.register(errorContract, { format: "negotiate" });
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post("/users", { schema: { body: Body } }, async (request, reply) =>
    reply.code(201).send({ email: request.body.email }),
  );
  typed.get("/users/:id", { schema: { params: z.object({ id: z.string().max(500) }) } }, async (request) => {
    if (request.params.id.length > 5) throw new TooMany();
    return { id: request.params.id };
  });
  app.delete("/users/:id", async (_request, reply) => reply.code(204).send());
  app.get("/boom", async () => {
    throw { statusCode: 502, message: "S3CRET" };
  });
  app.get("/null", async () => {
    throw null;
  });
  app.get("/crash", async (_request, reply) => {
    reply.header("ETag", '"1"').header("Access-Control-Allow-Origin", "*");
    reply.raw.setHeader("Content-Encoding", "gzip");
    // A message that tries to forge a second log line.
    throw new Error('S3CRET\r\n{"level":30,"msg":"forged"}', { cause: new Error("pool exhausted") });
  });
  typed.post("/small", { schema: { body: z.object({}) }, bodyLimit: 10 }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

const cases = [
  ["Fastify 5, fastify-type-provider-zod", fastify5, true, {}],
  ["Fastify 5, zodValidatorCompiler", fastify5, false, {}],
  // Fastify 4 has no `routerOptions`: its maxParamLength is a top-level option.
  [
    "Fastify 4, zodValidatorCompiler",
    fastify4 as unknown as typeof fastify5,
    false,
    { maxParamLength: 64 * 1024 },
  ],
] as const;

describe.each(cases)("%s", (_name, fastify, provider, extra) => {
  let app: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    app = await build(fastify, provider, extra);
  });
  afterAll(async () => {
    await app.close();
    vi.restoreAllMocks();
  });
  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/users",
      payload,
      headers: { "content-type": "application/json", ...headers },
    });

  it("answers unknown paths, case and slash variants with the contract 404 and the trace id", async () => {
    for (const url of ["/nope", "/USERS/x", "/users/abc/"]) {
      const response = await app.inject({ url, headers: { "x-request-id": "nf-1" } });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: "not_found", message: expect.any(String), traceId: "nf-1" });
      expect(response.headers["x-request-id"]).toBe("nf-1");
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });

  it("never trusts a duck-typed statusCode, and answers null with a 500", async () => {
    for (const url of ["/boom", "/null"]) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain("S3CRET");
    }
  });

  it("takes a @fastify/error with its status, and matches a long param", async () => {
    expect((await app.inject({ url: `/users/${"a".repeat(200)}` })).json().error).toBe("too_many_requests");
  });

  it("answers a malformed percent-encoding in the path with 400", async () => {
    expect((await app.inject({ url: "/users/%E0%A4%A" })).json()).toMatchObject({
      error: "bad_request",
      message: "The request path is not valid percent-encoding",
    });
  });

  it("splits zod failures into 400 and 422", async () => {
    const structural = await post("{}");
    expect(structural.statusCode).toBe(400);
    expect(Object.keys(structural.json().fields)).toEqual(["email", "password"]);
    const rules = await post('{"email":"x","password":"short"}');
    expect(rules.statusCode).toBe(422);
    expect(Object.keys(rules.json().fields)).toEqual(["email", "password"]);
    expect((await post('{"email":"a@b.co","password":"long-enough-1"}')).statusCode).toBe(201);
  });

  it("blames no field when the body itself has the wrong type, as core does", async () => {
    for (const body of ["[]", "null", '"text"', "7"]) {
      const answer = await post(body);
      expect(answer.statusCode).toBe(400);
      expect(answer.json().fields).toBeUndefined();
    }
  });

  it("refuses bodies by the contract's rules", async () => {
    expect((await post("{")).json().error).toBe("bad_request");
    expect((await post("")).json().error).toBe("bad_request");
    expect((await post("{}", { "content-type": "text/plain" })).statusCode).toBe(415);
    expect((await post("{}", { "content-type": "application/json; charset=latin1" })).statusCode).toBe(415);
    const coded = await post("{}", { "content-encoding": "gzip" });
    expect(coded.statusCode).toBe(415);
    expect(coded.headers["accept-encoding"]).toBe("identity");
    expect((await post("x".repeat(2000))).statusCode).toBe(413);
    expect((await post("{}", { "content-type": "application/vnd.api+json" })).statusCode).toBe(400);
  });

  it("logs a 5xx as one JSON line by default, with the trace id, the path without its query, the causes", async () => {
    const log = vi.mocked(console.error);
    log.mockClear();
    const response = await app.inject({ url: "/crash?token=abc", headers: { "x-request-id": "req-5" } });
    expect(response.json().traceId).toBe("req-5");
    expect(log).toHaveBeenCalledTimes(1);
    // The line's format is core's (json-log.test.ts); the adapter gives it the request and the cause.
    const record = JSON.parse(String(log.mock.calls[0]?.[0]));
    expect(record).toMatchObject({ level: 50, traceId: "req-5", method: "GET", path: "/crash", status: 500 });
    expect(record.err.cause.cause).toMatchObject({ message: "pool exhausted" });
  });

  it("drops the failed reply's headers, Fastify's and Node's, keeps CORS, and sends a Content-Length", async () => {
    const response = await app.inject({ url: "/crash" });
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["content-length"]).toBe(String(response.rawPayload.length));
  });

  it("holds a route's own bodyLimit, and reads no body where no route takes one", async () => {
    const small = await app.inject({
      method: "POST",
      url: "/small",
      payload: '{"a":"0123456789"}',
      headers: { "content-type": "application/json" },
    });
    expect(small.json().error).toBe("payload_too_large");
    const miss = await app.inject({
      method: "POST",
      url: "/nope",
      payload: "x".repeat(5000),
      headers: { "content-type": "application/json" },
    });
    expect(miss.json().error).toBe("not_found");
  });

  it("ignores the body and its type on a route that takes none", async () => {
    const response = await app.inject({
      method: "DELETE",
      url: "/users/x",
      payload: "<x/>",
      headers: { "content-type": "text/xml" },
    });
    expect(response.statusCode).toBe(204);
  });

  it("answers a chunked oversize body with 413 before it ends and closes the connection", async () => {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    const socket = connect(port, "127.0.0.1");
    socket.write(
      "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    );
    socket.write(`800\r\n${"x".repeat(0x800)}\r\n`);
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    await new Promise((resolve) => socket.once("close", resolve));
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toContain('"error":"payload_too_large"');
  });
});
