import { unauthenticated } from "@error-contract/core";
import { createErrorPath } from "@error-contract/core/adapter";
import { describe, expect, it } from "vitest";
import { checkResponse, FAULT_SECRET } from "./check-response.js";
import type { HttpResult } from "./target.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const errorResult = (error: unknown, format: "json" | "problem+json" = "json"): HttpResult => {
  const answer = createErrorPath({ format }).answer(error, { method: "GET", path: "/", traceId: TRACE_ID });
  const { status, headers, body } = answer;
  return { status, headers: new Headers(headers), body };
};
const success = (body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  status: 200,
  headers: new Headers({ "X-Request-Id": TRACE_ID, ...headers }),
  body: body === undefined ? "" : JSON.stringify(body),
});

describe("checkResponse", () => {
  it("finds nothing wrong with a rendered error", () => {
    expect(checkResponse(errorResult(unauthenticated()), { status: 401 }, { method: "GET" })).toEqual([]);
  });

  it("checks the problem+json rendering: type, title, status", () => {
    const result = errorResult(unauthenticated(), "problem+json");
    expect(checkResponse(result, { status: 401, format: "problem+json" }, { method: "GET" })).toEqual([]);
    expect(checkResponse(result, { status: 401 }, { method: "GET" })).toContain(
      'Content-Type: expected application/json, got "application/problem+json"',
    );
  });

  it("says what is wrong with a body in its own words: (none) for a missing code, no zod wording", () => {
    const result: HttpResult = {
      status: 404,
      headers: new Headers({
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        "X-Request-Id": TRACE_ID,
      }),
      body: JSON.stringify({ message: "", code: "NotFound", traceId: TRACE_ID }),
    };
    expect(checkResponse(result, { status: 404 }, { method: "GET" })).toEqual([
      "body.error: missing",
      "body.message: empty",
      "body: members the contract does not have: code",
      "error code: expected not_found, got (none)",
    ]);
    const wrongTypes = {
      ...result,
      body: JSON.stringify({ error: "Not Found", message: 404, traceId: TRACE_ID }),
    };
    expect(checkResponse(wrongTypes, { status: 404 }, { method: "GET" })).toEqual([
      'body.error: "Not Found" is not a code (lower-case snake_case)',
      "body.message: expected a string, got a number (404)",
      'error code: expected not_found, got "Not Found"',
    ]);
  });

  it("finds the fault secret in a header, and a body on HEAD", () => {
    const result = success({ ok: true }, { "X-Debug": `boom: ${FAULT_SECRET}` });
    expect(checkResponse(result, { status: 200 }, { method: "HEAD" })).toEqual([
      "the fault secret leaks in the x-debug header",
      'a HEAD response has a body: "{\\"ok\\":true}"',
    ]);
  });

  it("requires Allow on a 405 and a valid X-Request-Id everywhere", () => {
    const rendered = errorResult(unauthenticated());
    const result = {
      ...rendered,
      status: 405,
      headers: new Headers({ ...Object.fromEntries(rendered.headers) }),
    };
    result.headers.set("X-Request-Id", "not valid");
    const problems = checkResponse(result, { status: [405, 404] }, { method: "GET" });
    expect(problems).toContain("405 without an Allow header");
    expect(problems).toContain('X-Request-Id is not a valid trace id: "not valid"');
  });

  it("fills placeholders in header and body rules, the response body's members included", () => {
    const result = success({ id: "usr_1", email: "a@example.com" }, { Location: "/users/usr_1" });
    const expectation = {
      status: 200,
      headers: { Location: { equals: "/users/{{body.id}}" } },
      body: { equals: { id: "usr_1", email: "{{email}}" } },
    };
    expect(checkResponse(result, expectation, { method: "GET", vars: { email: "a@example.com" } })).toEqual(
      [],
    );
    expect(checkResponse(result, expectation, { method: "GET", vars: { email: "b@example.com" } })).toEqual([
      'body: expected {"id":"usr_1","email":"b@example.com"}, got "{\\"id\\":\\"usr_1\\",\\"email\\":\\"a@example.com\\"}"',
    ]);
  });

  it("tells a new trace id from an echo", () => {
    expect(checkResponse(success(undefined), { status: 200, traceId: "fresh" }, { method: "GET" })).toEqual(
      [],
    );
    const echoed = success(undefined, { "X-Request-Id": "req-1" });
    expect(checkResponse(echoed, { status: 200, traceId: "fresh" }, { method: "GET" })).toEqual([
      'X-Request-Id: expected a new id of 32 lowercase hex, got "req-1"',
    ]);
  });

  it("does not judge a success body as an error when an error was expected", () => {
    expect(checkResponse(success({ id: 1 }), { status: 413 }, { method: "POST" })).toEqual([
      'status: expected 413, got 200 with "{\\"id\\":1}"',
    ]);
  });
});
