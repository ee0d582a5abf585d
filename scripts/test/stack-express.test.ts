import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tooManyRequests } from "@error-contract/core";
import { errorContract } from "@error-contract/express";
import axios from "axios";
import cors from "cors";
import express from "express";
import { expressjwt } from "express-jwt";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import createError from "http-errors";
import jwt from "jsonwebtoken";
import multer from "multer";
import passport from "passport";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { downstream404, stackAnswer } from "./stack-answer.js";

// A real Express 5 service stack: each library set up as its own README says, the toolkit as
// ours says, over real HTTP. Every error a library raises must come out as the contract, with the
// headers it set that a client needs (reference API 1.2).

const SECRET = "stack-test-signing-secret";
const ORIGIN = "https://app.example";
const KEPT = {
  "strict-transport-security": /max-age=/,
  "x-content-type-options": "nosniff",
  "content-security-policy": /default-src/,
  "access-control-allow-origin": ORIGIN,
};

class RefusingStrategy extends passport.Strategy {
  override name = "refusing";
  override authenticate() {
    this.fail("Bearer", 401);
  }
}

function stackApp(downstreamUrl: string) {
  const contract = errorContract();
  const app = express();
  app.disable("x-powered-by");
  app.use(helmet());
  app.use(cors({ origin: ORIGIN }));
  app.use(contract.traceId);
  passport.use(new RefusingStrategy());
  // express-rate-limit's README: `handler` is where the answer is made; the one line hands it to
  // the toolkit, and the limiter's own Retry-After and RateLimit headers stay.
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: 1,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => next(tooManyRequests()),
  });
  app.get("/jwt", expressjwt({ secret: SECRET, algorithms: ["HS256"] }), (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/passport", passport.authenticate("refusing", { session: false, failWithError: true }));
  const upload = multer({ limits: { fileSize: 16 } });
  app.post("/upload", upload.single("avatar"), (_req, res) => {
    res.status(201).json({ ok: true });
  });
  app.get("/limited", limiter, (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/gone", (_req, _res, next) => next(createError(410)));
  app.get("/downstream", async (_req, res) => {
    const { data } = await axios.get(`${downstreamUrl}/things/1`);
    res.json(data);
  });
  app.use(contract.notFound);
  app.use(contract.errorHandler);
  return app;
}

describe("an Express stack: helmet, cors, express-jwt, passport, multer, express-rate-limit, http-errors, axios", () => {
  let server: Server;
  let calls: Awaited<ReturnType<typeof downstream404>>;
  let base: string;
  const log = vi.spyOn(console, "error");

  beforeAll(async () => {
    log.mockImplementation(() => {});
    calls = await downstream404();
    const app = stackApp(calls.url);
    server = await new Promise<Server>((resolve) => {
      const started = app.listen(0, "127.0.0.1", () => resolve(started));
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

  it("express-jwt: a missing token is a 401 with the Bearer challenge, a forged one invalid_token", async () => {
    const missing = await contractAnswer("/jwt");
    expect([missing.status, missing.body.error]).toEqual([401, "unauthenticated"]);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    const forged = jwt.sign({ sub: "usr_ada" }, "another-secret", { algorithm: "HS256" });
    const invalid = await contractAnswer("/jwt", { headers: { Authorization: `Bearer ${forged}` } });
    expect(invalid.status).toBe(401);
    expect(invalid.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    const valid = jwt.sign({ sub: "usr_ada" }, SECRET, { algorithm: "HS256" });
    const ok = await fetch(`${base}/jwt`, { headers: { Authorization: `Bearer ${valid}` } });
    expect(ok.status).toBe(200);
  });

  it("passport (failWithError): a refusal is a 401 with the strategy's challenge", async () => {
    const refused = await contractAnswer("/passport");
    expect([refused.status, refused.body.error]).toEqual([401, "unauthenticated"]);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("multer: a file over the limit is a 413, an unexpected field a 400", async () => {
    const form = (field: string, size: number) => {
      const data = new FormData();
      data.append(field, new Blob(["x".repeat(size)]), "avatar.png");
      return { method: "POST", body: data };
    };
    const large = await contractAnswer("/upload", form("avatar", 64));
    expect([large.status, large.body.error]).toEqual([413, "payload_too_large"]);
    const unexpected = await contractAnswer("/upload", form("other", 4));
    expect([unexpected.status, unexpected.body.error]).toEqual([400, "bad_request"]);
  });

  it("express-rate-limit (its handler hands the error on): 429 with its Retry-After and RateLimit headers", async () => {
    expect((await fetch(`${base}/limited`)).status).toBe(200);
    const limited = await contractAnswer("/limited");
    expect([limited.status, limited.body.error]).toEqual([429, "too_many_requests"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-policy")).toMatch(/q=1/);
  });

  it("http-errors: its status and code; an unknown path: 404, both with helmet's headers", async () => {
    const gone = await contractAnswer("/gone");
    expect([gone.status, gone.body.error]).toEqual([410, "gone"]);
    const missing = await contractAnswer("/nope");
    expect([missing.status, missing.body.error]).toEqual([404, "not_found"]);
  });

  it("a downstream call's 404 (axios) stays this service's 500, and only it is logged as a 5xx", async () => {
    log.mockClear();
    const failed = await contractAnswer("/downstream");
    expect([failed.status, failed.body.error]).toEqual([500, "internal_error"]);
    expect(failed.body.message).toBe("Internal server error");
    const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([expect.objectContaining({ status: 500, path: "/downstream" })]);
  });

  it("logs no library's 4xx as a 5xx", async () => {
    log.mockClear();
    await contractAnswer("/jwt");
    await contractAnswer("/passport");
    await contractAnswer("/gone");
    expect(log).not.toHaveBeenCalled();
  });
});
