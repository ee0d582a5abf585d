import type { AddressInfo } from "node:net";
import { errorContract, serverOptions } from "@error-contract/fastify";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import fastifyJwt from "@fastify/jwt";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import sensible from "@fastify/sensible";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stackAnswer } from "./stack-answer.js";

// A real Fastify 5 service stack: each plugin registered as its own README says, the toolkit as
// ours says (its plugin first), over real HTTP. Every error a plugin raises must come out as the
// contract, with the headers it set that a client needs (reference API 1.2).

const SECRET = "stack-test-signing-secret";
const ORIGIN = "https://app.example";
const KEPT = {
  "strict-transport-security": /max-age=/,
  "x-content-type-options": "nosniff",
  "content-security-policy": /default-src/,
  "access-control-allow-origin": ORIGIN,
};

async function stackApp(): Promise<FastifyInstance> {
  const app = Fastify(serverOptions());
  await app.register(errorContract);
  await app.register(helmet);
  await app.register(cors, { origin: ORIGIN });
  await app.register(sensible);
  await app.register(fastifyJwt, { secret: SECRET });
  await app.register(rateLimit, { global: false });
  await app.register(multipart);
  app.get("/jwt", { onRequest: [(request) => request.jwtVerify()] }, async () => ({ ok: true }));
  app.get("/limited", { config: { rateLimit: { max: 1, timeWindow: 60_000 } } }, async () => ({ ok: true }));
  app.post("/upload", async (request) => {
    const file = await request.file({ limits: { fileSize: 16 } });
    await file?.toBuffer();
    return { ok: true };
  });
  app.get("/gone", async () => {
    throw app.httpErrors.gone();
  });
  app.get("/missing", async (_request, reply) => reply.notFound());
  return app;
}

describe("a Fastify stack: @fastify/helmet, cors, sensible, jwt, rate-limit, multipart", () => {
  let app: FastifyInstance;
  let base: string;
  const log = vi.spyOn(console, "error");

  beforeAll(async () => {
    log.mockImplementation(() => {});
    app = await stackApp();
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    log.mockRestore();
    await app.close();
  });

  // The middleware's own headers (security, CORS) must survive every error.
  const contractAnswer = (path: string, init: RequestInit = {}) => stackAnswer(`${base}${path}`, init, KEPT);

  it("@fastify/jwt: no token is a 401 with the Bearer challenge, a forged one invalid_token", async () => {
    const missing = await contractAnswer("/jwt");
    expect([missing.status, missing.body.error]).toEqual([401, "unauthenticated"]);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    const forged = app.jwt.sign({ sub: "usr_ada" }, { key: "another-secret" });
    const invalid = await contractAnswer("/jwt", { headers: { Authorization: `Bearer ${forged}` } });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    const valid = await fetch(`${base}/jwt`, {
      headers: { Authorization: `Bearer ${app.jwt.sign({ sub: "usr_ada" })}` },
    });
    expect(valid.status).toBe(200);
  });

  it("@fastify/rate-limit (its default refusal): 429 with its Retry-After and x-ratelimit headers", async () => {
    expect((await fetch(`${base}/limited`)).status).toBe(200);
    const limited = await contractAnswer("/limited");
    expect([limited.status, limited.body.error]).toEqual([429, "too_many_requests"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("1");
  });

  it("@fastify/multipart: a file over the limit is a 413, a body that is not multipart a 415", async () => {
    const data = new FormData();
    data.append("avatar", new Blob(["x".repeat(64)]), "avatar.png");
    const large = await contractAnswer("/upload", { method: "POST", body: data });
    expect([large.status, large.body.error]).toEqual([413, "payload_too_large"]);
    const notMultipart = await contractAnswer("/upload", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    expect([notMultipart.status, notMultipart.body.error]).toEqual([415, "unsupported_media_type"]);
  });

  it("@fastify/sensible: httpErrors and reply.notFound() keep their status; an unknown path is a 404", async () => {
    const gone = await contractAnswer("/gone");
    expect([gone.status, gone.body.error]).toEqual([410, "gone"]);
    const missing = await contractAnswer("/missing");
    expect([missing.status, missing.body.error]).toEqual([404, "not_found"]);
    const unknown = await contractAnswer("/nope");
    expect([unknown.status, unknown.body.error]).toEqual([404, "not_found"]);
  });

  it("logs no plugin's 4xx as a 5xx", async () => {
    log.mockClear();
    await contractAnswer("/jwt");
    await contractAnswer("/gone");
    await contractAnswer("/missing");
    expect(log).not.toHaveBeenCalled();
  });
});
