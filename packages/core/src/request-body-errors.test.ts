import { describe, expect, it } from "vitest";
import { isApiError } from "./api-error.js";
import { renderError } from "./render.js";
import { REQUEST_BODY_ERRORS, type RequestBodyFailure, requestBodyError } from "./request-body-errors.js";

const failures = Object.keys(REQUEST_BODY_ERRORS) as RequestBodyFailure[];

describe("requestBodyError", () => {
  it("has one row for each named failure the adapters map onto", () => {
    expect(failures.sort()).toEqual([
      "client_closed",
      "empty_body",
      "malformed_json",
      "too_large",
      "unsupported_charset",
      "unsupported_content_coding",
      "unsupported_media_type",
    ]);
  });

  it.each([
    ["malformed_json", 400, "bad_request", {}],
    ["empty_body", 400, "bad_request", {}],
    ["unsupported_media_type", 415, "unsupported_media_type", {}],
    ["unsupported_charset", 415, "unsupported_media_type", {}],
    ["unsupported_content_coding", 415, "unsupported_media_type", { "Accept-Encoding": "identity" }],
    ["too_large", 413, "payload_too_large", { Connection: "close" }],
    ["client_closed", 400, "bad_request", { Connection: "close" }],
  ] as const)("%s is a %i %s with its headers", (failure, status, code, headers) => {
    const cause = new SyntaxError('Unexpected token } in JSON at position 7: {"a":}');
    const error = requestBodyError(failure, cause);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status, code, message: REQUEST_BODY_ERRORS[failure].message, cause });
    expect(error.headers).toEqual(headers);
    const rendered = renderError(error, { traceId: "t-1" });
    expect(rendered.headers).toMatchObject(headers);
    // The parser's own text (which may quote the body) is never shown.
    expect(rendered.body).not.toContain("position");
  });
});
