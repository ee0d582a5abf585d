import type { AddressInfo } from "node:net";
import { tooManyRequests } from "@error-contract/core";
import { type ContractEnv, errorContract } from "@error-contract/hono";
import { type ServerType, serve } from "@hono/node-server";
import axios from "axios";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { jwt, sign } from "hono/jwt";
import { secureHeaders } from "hono/secure-headers";
import { rateLimiter } from "hono-rate-limiter";
import createError from "http-errors";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { downstream404, stackAnswer } from "./stack-answer.js";

// A real Hono 4 service stack on @hono/node-server: hono's own middleware (secure-headers, cors,
// jwt) and hono-rate-limiter as their READMEs set them up, the toolkit as ours says, over real
// HTTP. Every error a middleware raises must come out as the contract, with the headers it set
// that a client needs (reference API 1.2).

const SECRET = "stack-test-signing-secret";
const ORIGIN = "https://app.example";
const KEPT = {
  "strict-transport-security": /max-age=/,
  "x-content-type-options": "nosniff",
  "access-control-allow-origin": ORIGIN,
};

function stackApp(downstreamUrl: string) {
  const contract = errorContract();
  const app = new Hono<ContractEnv>();
  app.onError(contract.onError).notFound(contract.notFound);
  app.use(secureHeaders());
  app.use(cors({ origin: ORIGIN }));
  app.get("/jwt", jwt({ secret: SECRET, alg: "HS256" }), (c) => c.json({ ok: true }));
  // hono-rate-limiter's README: `handler` is where the answer is made; the one line hands it to
  // the toolkit, and the limiter's own Retry-After and RateLimit headers stay.
  const limiter = rateLimiter({
    windowMs: 60_000,
    limit: 1,
    standardHeaders: "draft-7",
    keyGenerator: () => "one-client",
    handler: () => {
      throw tooManyRequests();
    },
  });
  app.get("/limited", limiter, (c) => c.json({ ok: true }));
  app.get("/gone", () => {
    throw createError(410);
  });
  app.get("/downstream", async (c) => c.json((await axios.get(`${downstreamUrl}/things/1`)).data));
  return contract.fetch(app);
}

describe("a Hono stack: secure-headers, cors, jwt, hono-rate-limiter, http-errors, axios", () => {
  let server: ServerType;
  let calls: Awaited<ReturnType<typeof downstream404>>;
  let base: string;
  const log = vi.spyOn(console, "error");

  beforeAll(async () => {
    log.mockImplementation(() => {});
    calls = await downstream404();
    const fetch = stackApp(calls.url);
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    log.mockRestore();
    await new Promise((resolve) => server.close(resolve));
    await calls.close();
  });

  // The middleware's own headers (security, CORS) must survive every error.
  const contractAnswer = (path: string, init: RequestInit = {}) => stackAnswer(`${base}${path}`, init, KEPT);

  it("hono/jwt: no token or a forged one is a 401 with the middleware's Bearer challenge", async () => {
    const missing = await contractAnswer("/jwt");
    expect([missing.status, missing.body.error]).toEqual([401, "unauthenticated"]);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const forged = await sign({ sub: "usr_ada" }, "another-secret", "HS256");
    const invalid = await contractAnswer("/jwt", { headers: { Authorization: `Bearer ${forged}` } });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    const valid = await sign({ sub: "usr_ada" }, SECRET, "HS256");
    expect((await fetch(`${base}/jwt`, { headers: { Authorization: `Bearer ${valid}` } })).status).toBe(200);
  });

  it("hono-rate-limiter (its handler hands the error on): 429 with its Retry-After and RateLimit headers", async () => {
    expect((await fetch(`${base}/limited`)).status).toBe(200);
    const limited = await contractAnswer("/limited");
    expect([limited.status, limited.body.error]).toEqual([429, "too_many_requests"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-policy")).toMatch(/^1;w=60/);
  });

  it("http-errors: its status and code; an unknown path: 404", async () => {
    const gone = await contractAnswer("/gone");
    expect([gone.status, gone.body.error]).toEqual([410, "gone"]);
    const missing = await contractAnswer("/nope");
    expect([missing.status, missing.body.error]).toEqual([404, "not_found"]);
  });

  it("a downstream call's 404 (axios) stays this service's 500, and only it is logged as a 5xx", async () => {
    log.mockClear();
    const failed = await contractAnswer("/downstream");
    expect([failed.status, failed.body.error]).toEqual([500, "internal_error"]);
    await contractAnswer("/jwt");
    await contractAnswer("/gone");
    const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([expect.objectContaining({ status: 500, path: "/downstream" })]);
  });
});
