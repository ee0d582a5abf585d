import { describe, expect, it } from "vitest";
import * as factories from "./factories.js";

describe("factories", () => {
  it.each([
    ["badRequest", factories.badRequest(), 400, "bad_request"],
    ["unauthenticated", factories.unauthenticated(), 401, "unauthenticated"],
    ["forbidden", factories.forbidden(), 403, "forbidden"],
    ["notFound", factories.notFound(), 404, "not_found"],
    ["methodNotAllowed", factories.methodNotAllowed(["GET"]), 405, "method_not_allowed"],
    ["notAcceptable", factories.notAcceptable(), 406, "not_acceptable"],
    ["conflict", factories.conflict(), 409, "conflict"],
    ["gone", factories.gone(), 410, "gone"],
    ["preconditionFailed", factories.preconditionFailed(), 412, "precondition_failed"],
    ["payloadTooLarge", factories.payloadTooLarge(), 413, "payload_too_large"],
    ["unsupportedMediaType", factories.unsupportedMediaType(), 415, "unsupported_media_type"],
    ["validationFailed", factories.validationFailed({ a: "b" }), 422, "validation_failed"],
    ["preconditionRequired", factories.preconditionRequired(), 428, "precondition_required"],
    ["tooManyRequests", factories.tooManyRequests(), 429, "too_many_requests"],
    ["internal", factories.internal(), 500, "internal_error"],
    ["notImplemented", factories.notImplemented(), 501, "not_implemented"],
    ["badGateway", factories.badGateway(), 502, "bad_gateway"],
    ["serviceUnavailable", factories.serviceUnavailable(), 503, "service_unavailable"],
    ["gatewayTimeout", factories.gatewayTimeout(), 504, "gateway_timeout"],
  ])("%s gives its status and generic code", (_, error, status, code) => {
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
  });

  it("unauthenticated challenges with Bearer, optionally with a realm and an error", () => {
    expect(factories.unauthenticated().headers).toEqual({ "WWW-Authenticate": "Bearer" });
    expect(factories.unauthenticated({ error: "invalid_token" }).headers).toEqual({
      "WWW-Authenticate": 'Bearer error="invalid_token"',
    });
    expect(factories.unauthenticated({ realm: 'api "v1"', error: "invalid_token" }).headers).toEqual({
      "WWW-Authenticate": 'Bearer realm="api \\"v1\\"", error="invalid_token"',
    });
    expect(factories.unauthenticated({ message: "Token expired" }).message).toBe("Token expired");
  });

  it("methodNotAllowed lists the allowed methods", () => {
    expect(factories.methodNotAllowed(["get", "HEAD"]).headers).toEqual({ Allow: "GET, HEAD" });
  });

  it("tooManyRequests and serviceUnavailable set Retry-After in seconds or as an HTTP date", () => {
    expect(factories.tooManyRequests(30).headers).toEqual({ "Retry-After": "30" });
    expect(factories.tooManyRequests(1.2).headers).toEqual({ "Retry-After": "2" });
    expect(factories.tooManyRequests(Number.NaN).headers).toEqual({});
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(factories.serviceUnavailable(at).headers).toEqual({
      "Retry-After": "Fri, 02 Jan 2026 03:04:05 GMT",
    });
  });

  it("passes message, fields and cause through", () => {
    const cause = new Error("x");
    const error = factories.badRequest("Bad page size", { fields: { size: "too big" }, cause });
    expect(error).toMatchObject({ message: "Bad page size", fields: { size: "too big" }, cause });
    expect(factories.validationFailed({ password: "too short" }, "password is too weak")).toMatchObject({
      message: "password is too weak",
      fields: { password: "too short" },
    });
  });
});
