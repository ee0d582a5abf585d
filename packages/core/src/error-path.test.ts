import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.js";
import { defineErrors } from "./define-errors.js";
import { createErrorPath } from "./error-path.js";
import { conflict, notFound, tooManyRequests } from "./factories.js";
import type { ReportHook } from "./report.js";
import { requestBodyError } from "./request-body-errors.js";

class FrameworkException extends Error {
  constructor(readonly statusCode: number) {
    super("framework");
  }
}
const recognise = (thrown: unknown) =>
  thrown instanceof FrameworkException ? tooManyRequests(undefined, undefined, { cause: thrown }) : undefined;
const REQUEST = { method: "GET", path: "/users/usr_ada?token=secret", traceId: "trace-1" };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createErrorPath: recognition", () => {
  it("takes the application's ApiError as it is, before the recogniser", () => {
    const spy = vi.fn(recognise);
    const answer = createErrorPath({}, spy).answer(notFound("No such user"), REQUEST);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({
      error: "not_found",
      message: "No such user",
      traceId: "trace-1",
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("asks the adapter's recogniser next, then treats anything else as an untrusted 500", () => {
    const path = createErrorPath({ report: () => {} }, recognise);
    expect(path.answer(new FrameworkException(429), REQUEST).status).toBe(429);
    const duck = { statusCode: 502, status: 502, message: "S3CRET" };
    const answer = path.answer(duck, REQUEST);
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain("S3CRET");
  });

  it("asks the application's own recogniser first, before the adapter's and core's table", () => {
    class PaymentError extends Error {}
    const own = (thrown: unknown) =>
      thrown instanceof PaymentError || thrown instanceof FrameworkException
        ? new ApiError({ status: 402, message: "Payment required" })
        : undefined;
    const path = createErrorPath({ report: () => {}, recognise: own }, recognise);
    expect(path.answer(new PaymentError("card declined"), REQUEST).status).toBe(402);
    expect(path.answer(new FrameworkException(429), REQUEST).status).toBe(402);
    // What it leaves undefined goes on to the adapter's recogniser.
    const onlyPayments = createErrorPath(
      { report: () => {}, recognise: (thrown) => (thrown instanceof PaymentError ? conflict() : undefined) },
      recognise,
    );
    expect(onlyPayments.answer(new FrameworkException(429), REQUEST).status).toBe(429);
  });

  it("does not trust a recogniser that throws or returns something else", () => {
    const path = createErrorPath({ report: () => {} }, (thrown) => {
      if (thrown === "boom") throw new Error("recogniser broke");
      return { status: 418 } as unknown as ApiError;
    });
    expect(path.answer("boom", REQUEST).status).toBe(500);
    expect(path.answer(new Error("x"), REQUEST).status).toBe(500);
  });

  it("calls a request the client closed the client's failure, reading `aborted` only when needed", () => {
    const aborted = vi.fn(() => true);
    const path = createErrorPath({ report: () => {} }, recognise);
    const answer = path.answer(new Error("socket hang up"), { ...REQUEST, aborted });
    expect(answer.status).toBe(400);
    expect(answer.headers.Connection).toBe("close");
    expect(JSON.parse(answer.body).message).toBe("The client closed the request");
    // Before the recogniser: a framework's exception on an abandoned request is no server failure either.
    expect(path.answer(new FrameworkException(429), { ...REQUEST, aborted }).status).toBe(400);
    aborted.mockClear();
    path.answer(conflict(), { ...REQUEST, aborted });
    expect(aborted).not.toHaveBeenCalled();
  });
});

describe("createErrorPath: trace id", () => {
  it("uses the id resolved earlier, else resolves it from the request headers", () => {
    const path = createErrorPath();
    expect(path.answer(notFound(), REQUEST).headers["X-Request-Id"]).toBe("trace-1");
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const fromHeaders = path.answer(notFound(), {
      method: "GET",
      path: "/",
      traceId: "not valid!",
      headers: new Headers({ traceparent, "x-request-id": "other" }),
    });
    expect(fromHeaders.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(JSON.parse(fromHeaders.body).traceId).toBe(fromHeaders.traceId);
    expect(path.resolveTraceId({ "x-request-id": "req-7" })).toBe("req-7");
  });
});

describe("createErrorPath: reporting", () => {
  it("reports each 5xx once with the request, and no 4xx", () => {
    const report = vi.fn<ReportHook>();
    const errors = defineErrors({ store_down: { status: 503, message: "Store down" } });
    const path = createErrorPath({ report, catalog: errors }, recognise);
    path.answer(notFound(), REQUEST);
    path.answer(new FrameworkException(429), REQUEST);
    expect(report).not.toHaveBeenCalled();
    const thrown = new Error("db down");
    path.answer(thrown, REQUEST);
    path.answer(errors.store_down(), REQUEST);
    path.answer(new ApiError({ status: 502, code: "undeclared_code" }), REQUEST);
    expect(report.mock.calls.map(([error, context]) => [error.cause ?? error.code, context])).toEqual([
      [
        thrown,
        { traceId: "trace-1", method: "GET", path: "/users/usr_ada", status: 500, code: "internal_error" },
      ],
      [
        "store_down",
        { traceId: "trace-1", method: "GET", path: "/users/usr_ada", status: 503, code: "store_down" },
      ],
      [
        "undeclared_code",
        { traceId: "trace-1", method: "GET", path: "/users/usr_ada", status: 502, code: "bad_gateway" },
      ],
    ]);
  });

  it("logs a failing hook once with console.error and answers as if it had not failed", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = createErrorPath({
      report: () => {
        throw new Error("logger offline");
      },
    });
    const quiet = createErrorPath({ report: () => {} });
    const answer = failing.answer(new Error("db down"), REQUEST);
    expect(answer).toEqual({ ...quiet.answer(new Error("db down"), REQUEST), error: answer.error });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toMatchObject({
      level: 50,
      traceId: "trace-1",
      method: "GET",
      path: "/users/usr_ada",
      status: 500,
      code: "internal_error",
      err: { message: "Internal server error", cause: { type: "Error", message: "db down" } },
      reportHookError: { type: "Error", message: "logger offline" },
    });
  });

  it("writes the default report as one JSON line on console.error, in pino's shape", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    createErrorPath().answer(new Error("db down", { cause: new Error("socket reset") }), REQUEST);
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toMatchObject({
      level: 50,
      msg: "500 internal_error GET /users/usr_ada",
      traceId: "trace-1",
      status: 500,
      err: { cause: { message: "db down", cause: { message: "socket reset" } } },
    });
  });

  it("abandon: after the headers went out, reports a 5xx once and answers nothing", () => {
    const report = vi.fn<ReportHook>();
    const path = createErrorPath({ report }, recognise);
    expect(path.abandon(new Error("stream broke"), REQUEST).status).toBe(500);
    expect(path.abandon(notFound(), REQUEST).status).toBe(404);
    expect(report).toHaveBeenCalledTimes(1);
  });
});

describe("createErrorPath: the answer's headers", () => {
  it("negotiates the rendering and merges Vary with the one set earlier", () => {
    const path = createErrorPath({ format: "negotiate" });
    const answer = path.answer(notFound(), {
      ...REQUEST,
      headers: { accept: "application/problem+json" },
      earlierHeaders: new Headers({ Vary: "Origin", "Access-Control-Allow-Origin": "*" }),
    });
    expect(answer.headers).toEqual({
      "access-control-allow-origin": "*",
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      "X-Request-Id": "trace-1",
      Vary: "Origin, Accept",
    });
    expect(JSON.parse(answer.body)).toMatchObject({ type: "about:blank", status: 404, title: "Not Found" });
    expect(
      path.answer(notFound(), { ...REQUEST, accept: "application/problem+json" }).headers["Content-Type"],
    ).toBe("application/problem+json");
  });

  it("carries none of the failed response's other headers", () => {
    const answer = createErrorPath({ report: () => {} }).answer(new Error("x"), {
      ...REQUEST,
      earlierHeaders: { "content-encoding": "gzip", etag: '"abc"', "content-type": "text/html" },
    });
    expect(answer.headers).toEqual({
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "X-Request-Id": "trace-1",
    });
  });

  it("gives every 401 a challenge: its own, an authentication layer's, else Bearer", () => {
    const path = createErrorPath({ report: () => {} });
    const plain = path.answer(new ApiError({ status: 401 }), REQUEST);
    expect(plain.headers["WWW-Authenticate"]).toBe("Bearer");
    const layer = path.answer(new ApiError({ status: 401 }), {
      ...REQUEST,
      earlierHeaders: { "www-authenticate": 'Basic realm="admin"' },
    });
    expect(layer.headers).toMatchObject({ "www-authenticate": 'Basic realm="admin"' });
    expect(layer.headers).not.toHaveProperty("WWW-Authenticate");
    const own = new ApiError({
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
    expect(path.answer(own, REQUEST).headers["WWW-Authenticate"]).toBe('Bearer error="invalid_token"');
    expect(path.answer(new ApiError({ status: 403 }), REQUEST).headers).not.toHaveProperty(
      "WWW-Authenticate",
    );
  });

  it("leaves out Connection on HTTP/2, which has no such header", () => {
    const path = createErrorPath();
    expect(path.answer(requestBodyError("too_large"), REQUEST).headers.Connection).toBe("close");
    expect(
      path.answer(requestBodyError("too_large"), { ...REQUEST, httpVersionMajor: 2 }).headers.Connection,
    ).toBeUndefined();
  });
});
