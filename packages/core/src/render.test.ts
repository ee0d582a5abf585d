import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { defineErrors } from "./define-errors.js";
import { ErrorBody, ProblemBody } from "./error-body.js";
import * as factories from "./factories.js";
import { renderError } from "./render.js";
import { genericCodes, reasonPhrase } from "./status-codes.js";

const traceId = "trace-1";

describe("renderError", () => {
  it.each(genericCodes())("renders $status as exactly the contract body", ({ status, code }) => {
    const rendered = renderError(new ApiError({ status }), { traceId });
    expect(rendered.status).toBe(status);
    const message = new ApiError({ status }).message;
    expect(rendered.body).toBe(`{"error":"${code}","message":"${message}","traceId":"trace-1"}`);
    expect(ErrorBody.parse(JSON.parse(rendered.body))).toBeTruthy();
    expect(rendered.headers).toEqual({
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "X-Request-Id": "trace-1",
    });
  });

  it.each([500, 502, 503, 504] as const)(
    "renders %i from its serialized start: the same text every time, in both renderings",
    (status) => {
      const catalog = defineErrors({ upstream_down: { status: 503, message: "Upstream is down" } });
      const generic = genericCodes().find((entry) => entry.status === status)?.code;
      const message = new ApiError({ status }).message;
      for (const id of ["trace-1", "4bf92f3577b34da6a3ce929d0e0e4736", "a.b~c:d-e_f"]) {
        for (const code of [undefined, "upstream_down"]) {
          const error = new ApiError({ status, code, message: "secret detail" });
          const shown = code === "upstream_down" && status === 503 ? code : generic;
          const json = renderError(error, { traceId: id, catalog });
          expect(json.body).toBe(JSON.stringify({ error: shown, message, traceId: id }));
          const problem = renderError(error, { traceId: id, catalog, format: "problem+json" });
          expect(problem.body).toBe(
            JSON.stringify({
              type: "about:blank",
              title: reasonPhrase(status),
              status,
              detail: message,
              error: shown,
              traceId: id,
            }),
          );
          expect(ProblemBody.parse(JSON.parse(problem.body))).toBeTruthy();
        }
      }
    },
  );

  it("renders fields and the error's own headers", () => {
    const rendered = renderError(
      factories.validationFailed({ password: "min 12 chars" }, "password is too weak"),
      {
        traceId,
      },
    );
    expect(JSON.parse(rendered.body)).toEqual({
      error: "validation_failed",
      message: "password is too weak",
      fields: { password: "min 12 chars" },
      traceId,
    });
    expect(
      renderError(factories.unauthenticated({ error: "invalid_token" }), { traceId }).headers,
    ).toMatchObject({
      "WWW-Authenticate": 'Bearer error="invalid_token"',
    });
    expect(renderError(factories.methodNotAllowed(["GET", "POST"]), { traceId }).headers.Allow).toBe(
      "GET, POST",
    );
    expect(renderError(factories.tooManyRequests(5), { traceId }).headers["Retry-After"]).toBe("5");
  });

  it("never shows a 5xx's own message, fields or cause", () => {
    const error = factories.internal("S3CRET db password wrong", {
      fields: { db: "S3CRET" },
      cause: new Error("S3CRET cause"),
    });
    const rendered = renderError(error, { traceId });
    expect(rendered.body).toBe(
      '{"error":"internal_error","message":"Internal server error","traceId":"trace-1"}',
    );
    expect(JSON.stringify(rendered)).not.toContain("S3CRET");
  });

  it("renders RFC 9457 problem details on request", () => {
    const rendered = renderError(factories.payloadTooLarge(), { traceId, format: "problem+json" });
    expect(rendered.headers["Content-Type"]).toBe("application/problem+json");
    expect(JSON.parse(rendered.body)).toEqual({
      type: "about:blank",
      title: "Content Too Large",
      status: 413,
      detail: "Payload too large",
      error: "payload_too_large",
      traceId,
    });
    const validation = renderError(factories.validationFailed({ a: "b" }), {
      traceId,
      format: "problem+json",
    });
    expect(ProblemBody.parse(JSON.parse(validation.body))).toMatchObject({ title: "Unprocessable Content" });
  });

  it("negotiates the rendering by Accept and says it varies", () => {
    const problem = renderError(factories.notFound(), {
      traceId,
      format: "negotiate",
      accept: "application/problem+json",
    });
    expect(problem.headers["Content-Type"]).toBe("application/problem+json");
    expect(problem.headers.Vary).toBe("Accept");
    const json = renderError(factories.notFound(), { traceId, format: "negotiate", accept: "*/*" });
    expect(json.headers["Content-Type"]).toBe("application/json");
    expect(
      renderError(factories.notFound(), { traceId, accept: "application/problem+json" }).headers[
        "Content-Type"
      ],
    ).toBe("application/json");
  });

  it("answers codes the catalog does not bind to the status with the generic code", () => {
    const catalog = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });
    const code = (error: ApiError) => JSON.parse(renderError(error, { traceId, catalog }).body).error;
    expect(code(catalog.email_taken())).toBe("email_taken");
    expect(code(factories.notFound())).toBe("not_found");
    expect(code(new ApiError({ status: 409, code: "typo_taken" }))).toBe("conflict");
    expect(code(new ApiError({ status: 400, code: "email_taken" }))).toBe("bad_request");
    // @ts-expect-error: a generic code bound to another status (a type error too; render still falls back)
    expect(code(new ApiError({ status: 400, code: "not_found" }))).toBe("bad_request");
    expect(
      JSON.parse(renderError(new ApiError({ status: 409, code: "typo_taken" }), { traceId }).body).error,
    ).toBe("typo_taken");
  });

  it("replaces an invalid trace id rather than echoing it", () => {
    const rendered = renderError(factories.notFound(), { traceId: "bad\r\nX-Injected: 1" });
    expect(rendered.headers["X-Request-Id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(rendered.body).traceId).toBe(rendered.headers["X-Request-Id"]);
  });

  it("drops error headers that would break the response or replace core's own", () => {
    const error = factories.badRequest("x", {
      headers: {
        "X-Bad": "a\r\nSet-Cookie: x=1",
        "Content-Type": "text/html",
        "X-Request-Id": "forged",
        "X-Ok": "1",
      },
    });
    const { headers } = renderError(error, { traceId });
    expect(headers).toEqual({
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "X-Request-Id": traceId,
      "X-Ok": "1",
    });
  });

  it("turns anything that is not an ApiError into a generic 500 and never throws", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    for (const value of [null, undefined, "S3CRET", { status: 404 }, hostile]) {
      const rendered = renderError(value as ApiError, { traceId });
      expect(rendered.status).toBe(500);
      expect(JSON.parse(rendered.body)).toEqual({
        error: "internal_error",
        message: "Internal server error",
        traceId,
      });
    }
    const withHostileOptions = renderError(factories.notFound(), hostile as never);
    expect(ErrorBody.parse(JSON.parse(withHostileOptions.body)).traceId).toBe(
      withHostileOptions.headers["X-Request-Id"],
    );
  });

  it("falls back to a fixed 500 if an error was tampered with after construction", () => {
    const error = factories.badRequest();
    Object.defineProperty(error, "fields", {
      get() {
        throw new Error("tampered");
      },
    });
    const rendered = renderError(error, { traceId });
    expect(rendered.status).toBe(500);
    expect(ErrorBody.parse(JSON.parse(rendered.body)).traceId).toBe(traceId);
  });

  it("keeps every 5xx body apart by format, status and code, also past its cache's bound", () => {
    const catalog = defineErrors({ db_down: { status: 503, message: "Database down" } });
    // More (format, status, code) combinations than the cache holds, twice over: each one's
    // body is its own every time, before and after the cache is dropped.
    for (let pass = 0; pass < 2; pass++) {
      for (const { status } of genericCodes().filter(({ status }) => status >= 500)) {
        for (const format of ["json", "problem+json"] as const) {
          for (let i = 0; i < 8; i++) {
            const own = `custom_${i}`;
            const body = JSON.parse(
              renderError(new ApiError({ status, code: own }), { traceId: `t-${i}`, format }).body,
            );
            expect(body.error).toBe(own);
            expect(body.traceId).toBe(`t-${i}`);
            expect(format === "json" ? body.message : body.detail).toBe(new ApiError({ status }).message);
            if (format === "problem+json") expect(body.status).toBe(status);
          }
        }
      }
    }
    expect(JSON.parse(renderError(catalog.db_down(), { traceId, catalog }).body).error).toBe("db_down");
    expect(JSON.parse(renderError(new ApiError({ status: 503 }), { traceId, catalog }).body).error).toBe(
      "service_unavailable",
    );
  });

  it("renders only an error's own headers, never inherited ones", () => {
    const error = factories.tooManyRequests(5);
    const inherited = Object.assign(Object.create({ "X-Inherited": "yes" }), { "Retry-After": "5" });
    Object.defineProperty(error, "headers", { value: inherited });
    const { headers } = renderError(error, { traceId });
    expect(headers["Retry-After"]).toBe("5");
    expect(headers).not.toHaveProperty("X-Inherited");
  });

  it("renders a field-less 4xx byte for byte as JSON.stringify would, whatever its message", () => {
    for (const message of [
      'say "hi"\n\t\\',
      "\u2028 \ud800 lone",
      "</script><b>",
      "日本語 ✓",
      "\u0000\u001f",
    ]) {
      const error = factories.notFound(message);
      const { body } = renderError(error, { traceId });
      expect(body).toBe(JSON.stringify({ error: "not_found", message, traceId }));
    }
  });

  it("still renders valid JSON when a field-less 4xx's code or message was tampered with", () => {
    const error = factories.notFound("No such user");
    Object.defineProperty(error, "message", { value: 42 });
    expect(JSON.parse(renderError(error, { traceId }).body)).toEqual({
      error: "not_found",
      message: 42,
      traceId,
    });
  });
});
