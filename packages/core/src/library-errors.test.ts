import { AxiosError, type AxiosResponse } from "axios";
import { expressjwt } from "express-jwt";
import {
  InsufficientScopeError,
  InvalidRequestError,
  InvalidTokenError,
  UnauthorizedError as OAuth2UnauthorizedError,
} from "express-oauth2-jwt-bearer";
import createError from "http-errors";
import multer from "multer";
import passport from "passport";
import { describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { conflict } from "./factories.js";
import { LIBRARY_ERRORS, recogniseLibraryError } from "./library-errors.js";

// @fastify/error's shape: a class named FastifyError with `code` and `statusCode`.
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { name: "FastifyError", code, statusCode });
}

/** What a connect-style middleware hands `next`, run on a bare request. */
function errorOf(
  middleware: (req: never, res: never, next: (error?: unknown) => void) => unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const req = { headers, method: "GET", url: "/", get: (name: string) => headers[name.toLowerCase()] };
  const res = { statusCode: 200, setHeader() {}, end() {} };
  return new Promise((resolve) => {
    middleware(req as never, res as never, resolve);
  });
}

const answerOf = (thrown: unknown) => {
  const error = recogniseLibraryError(thrown);
  return error && { status: error.status, code: error.code, message: error.message, headers: error.headers };
};

describe("recogniseLibraryError: Fastify", () => {
  it("words Fastify's named errors in core's words, never the path or Fastify's text", () => {
    const badUrl = recogniseLibraryError(
      fastifyError("FST_ERR_BAD_URL", 400, "'/a%zz' is not a valid url component"),
    );
    expect(badUrl).toMatchObject({ status: 400, message: "The request path is not valid percent-encoding" });
    expect(recogniseLibraryError(fastifyError("FST_ERR_CTP_BODY_TOO_LARGE", 413, "x"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(recogniseLibraryError(fastifyError("FST_ERR_CTP_EMPTY_JSON_BODY", 400, "x"))?.status).toBe(400);
  });

  it("keeps the status of any other FastifyError (its plugins' too) and of Fastify's validation error", () => {
    expect(
      answerOf(fastifyError("FST_JWT_NO_AUTHORIZATION_IN_HEADER", 401, "No Authorization")),
    ).toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    expect(answerOf(fastifyError("FST_REQ_FILE_TOO_LARGE", 413, "file too large"))?.status).toBe(413);
    const noToken = answerOf(fastifyError("FST_JWT_NO_AUTHORIZATION_IN_HEADER", 401, "No Authorization"));
    expect(noToken?.headers).toEqual({ "WWW-Authenticate": "Bearer" });
    const expired = answerOf(fastifyError("FST_JWT_AUTHORIZATION_TOKEN_EXPIRED", 401, "expired"));
    expect(expired?.headers).toEqual({ "WWW-Authenticate": 'Bearer error="invalid_token"' });
    // @fastify/multipart's 406 for a body that is not multipart: its media type is refused.
    const notMultipart = answerOf(fastifyError("FST_INVALID_MULTIPART_CONTENT_TYPE", 406, "not multipart"));
    expect(notMultipart).toMatchObject({ status: 415, code: "unsupported_media_type" });
    // @fastify/rate-limit's default refusal is a plain Error: its own message tells it apart.
    const limited = Object.assign(new Error("Rate limit exceeded, retry in 1 minute"), { statusCode: 429 });
    expect(answerOf(limited)).toMatchObject({ status: 429, code: "too_many_requests" });
    expect(recogniseLibraryError(Object.assign(new Error("slow down"), { statusCode: 429 }))).toBeUndefined();
    const validation = Object.assign(new Error("body must be object"), {
      code: "FST_ERR_VALIDATION",
      statusCode: 400,
    });
    expect(recogniseLibraryError(validation)).toMatchObject({ status: 400, message: "body must be object" });
  });
});

describe("recogniseLibraryError: the libraries' real errors", () => {
  it("http-errors (Express's own, @fastify/sensible's): its status, message and headers", () => {
    expect(answerOf(createError(404))).toMatchObject({
      status: 404,
      code: "not_found",
      message: "Not Found",
    });
    const limited = createError(429, "Slow down", { headers: { "Retry-After": "30" } });
    expect(answerOf(limited)).toMatchObject({ status: 429, headers: { "Retry-After": "30" } });
    expect(answerOf(createError(503))).toMatchObject({ status: 503 });
  });

  it("express-jwt: 401 with the plain challenge, invalid_token for a token that is not valid", async () => {
    const guard = expressjwt({ secret: "s3cret-key-for-tests", algorithms: ["HS256"] });
    const missing = await errorOf(guard);
    expect(answerOf(missing)).toMatchObject({ status: 401, headers: { "WWW-Authenticate": "Bearer" } });
    const forged = await errorOf(guard, { authorization: "Bearer not.a.jwt" });
    expect(answerOf(forged)).toMatchObject({
      status: 401,
      code: "unauthenticated",
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
  });

  it("express-oauth2-jwt-bearer: its status and its challenge as WWW-Authenticate", () => {
    expect(answerOf(new OAuth2UnauthorizedError())).toMatchObject({
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="api"' },
    });
    const invalid = answerOf(new InvalidTokenError("expired"));
    expect(invalid).toMatchObject({ status: 401, message: "expired" });
    expect(invalid?.headers?.["WWW-Authenticate"]).toMatch(/^Bearer realm="api", error="invalid_token"/);
    expect(answerOf(new InvalidRequestError())?.status).toBe(400);
    expect(answerOf(new InsufficientScopeError(["users:delete"]))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
  });

  it("passport with failWithError: the strategy's refusal as a 401", async () => {
    class Refusing extends passport.Strategy {
      override name = "refusing";
      override authenticate() {
        this.fail("Bearer", 401);
      }
    }
    passport.use(new Refusing());
    const refused = await errorOf(passport.authenticate("refusing", { session: false, failWithError: true }));
    expect(refused).toMatchObject({ name: "AuthenticationError" });
    expect(answerOf(refused)).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("multer: an upload over a limit is a 413, an unexpected field a 400", () => {
    expect(answerOf(new multer.MulterError("LIMIT_FILE_SIZE", "avatar"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
      message: "File too large",
    });
    expect(answerOf(new multer.MulterError("LIMIT_UNEXPECTED_FILE", "other"))?.status).toBe(400);
  });
});

describe("recogniseLibraryError: what is not this service's answer", () => {
  it("leaves a downstream HTTP client's error alone: its status is another service's", () => {
    const response = { status: 404, statusText: "Not Found", headers: {}, config: {}, data: {} };
    const axios = new AxiosError(
      "Request failed with status code 404",
      "ERR_BAD_REQUEST",
      undefined,
      {},
      response as AxiosResponse,
    );
    expect(axios.status).toBe(404);
    expect(recogniseLibraryError(axios)).toBeUndefined();
    expect(recogniseLibraryError(new TypeError("fetch failed"))).toBeUndefined();
  });

  it("trusts no bare status: a plain Error or object with statusCode is not recognised", () => {
    const upstream = Object.assign(new Error("upstream"), { statusCode: 404, status: 404, code: "E_UP" });
    expect(recogniseLibraryError(upstream)).toBeUndefined();
    // http-errors' properties on an Error of another class: not one of its errors.
    const lookalike = Object.assign(new Error("x"), { status: 404, statusCode: 404, expose: true });
    expect(recogniseLibraryError(lookalike)).toBeUndefined();
    expect(
      recogniseLibraryError({ name: "FastifyError", code: "FST_ERR_BAD_URL", statusCode: 400 }),
    ).toBeUndefined();
    expect(
      recogniseLibraryError(
        Object.assign(new Error("x"), { name: "UnauthorizedError", code: "invalid_token" }),
      ),
    ).toBeUndefined();
    expect(recogniseLibraryError("FST_ERR_BAD_URL")).toBeUndefined();
  });

  it("is asked by every error path after the adapter's recogniser", () => {
    const path = createErrorPath({ report: () => {} });
    expect(path.answer(createError(404), { method: "GET", path: "/" }).status).toBe(404);
    const adapterFirst = createErrorPath({ report: () => {} }, () => conflict());
    expect(adapterFirst.answer(createError(404), { method: "GET", path: "/" }).status).toBe(409);
  });

  it("names a library and how each row is told apart", () => {
    for (const row of LIBRARY_ERRORS) {
      expect(row.library).not.toBe("");
      expect(row.name !== undefined || row.code !== undefined).toBe(true);
    }
  });
});
