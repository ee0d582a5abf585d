import type { OpenApiCase } from "./openapi-case.js";

const MISSING = "/error-contract-no-such-path-{{suffix}}";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

/** Cases for the API as a whole: router misses, trace ids, problem+json negotiation. */
export function apiCases(): OpenApiCase[] {
  const api = (
    id: string,
    title: string,
    tag: string,
    rest: Pick<OpenApiCase, "request" | "expect">,
  ): OpenApiCase => ({
    id: `openapi-${id}`,
    title,
    group: "api",
    tags: [tag],
    ...rest,
  });
  return [
    api("unknown-path", "GET of a path the document does not have is a 404 contract answer", "routing", {
      request: { method: "GET", path: MISSING },
      expect: { status: 404, error: "not_found" },
    }),
    api(
      "unknown-path-head",
      "HEAD of an unknown path is 404 with the contract headers and no body",
      "routing",
      {
        request: { method: "HEAD", path: MISSING },
        expect: { status: 404, error: "not_found" },
      },
    ),
    api("trace-traceparent", "a valid traceparent gives the trace id", "trace-id", {
      request: { method: "GET", path: MISSING, headers: { traceparent: TRACEPARENT } },
      expect: { status: 404, error: "not_found", traceId: { equals: TRACE_ID } },
    }),
    api("trace-request-id", "a valid X-Request-Id is used as it is", "trace-id", {
      request: { method: "GET", path: MISSING, headers: { "x-request-id": "Req-{{suffix}}.a_b~c:d" } },
      expect: { status: 404, error: "not_found", traceId: { equals: "Req-{{suffix}}.a_b~c:d" } },
    }),
    api("trace-invalid-request-id", "an X-Request-Id with a space is never echoed: a new id", "trace-id", {
      request: { method: "GET", path: MISSING, headers: { "x-request-id": "req {{suffix}}" } },
      expect: { status: 404, error: "not_found", traceId: "fresh" },
    }),
    api(
      "trace-request-id-too-long",
      "an X-Request-Id of 129 characters is never echoed: a new id",
      "trace-id",
      {
        request: {
          method: "GET",
          path: MISSING,
          headers: { "x-request-id": `${"r".repeat(113)}{{suffix}}` },
        },
        expect: { status: 404, error: "not_found", traceId: "fresh" },
      },
    ),
    api(
      "trace-invalid-traceparent",
      "an upper-case traceparent is ignored: a valid X-Request-Id is used",
      "trace-id",
      {
        request: {
          method: "GET",
          path: MISSING,
          headers: { traceparent: TRACEPARENT.toUpperCase(), "x-request-id": "req-{{suffix}}" },
        },
        expect: { status: 404, error: "not_found", traceId: { equals: "req-{{suffix}}" } },
      },
    ),
    api(
      "trace-zero-trace-id",
      "a traceparent whose trace-id is all zeros is invalid: a valid X-Request-Id is used",
      "trace-id",
      {
        request: {
          method: "GET",
          path: MISSING,
          headers: {
            traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01`,
            "x-request-id": "req-{{suffix}}",
          },
        },
        expect: { status: 404, error: "not_found", traceId: { equals: "req-{{suffix}}" } },
      },
    ),
    api(
      "trace-zero-parent-id",
      "a traceparent whose parent-id is all zeros is invalid: a valid X-Request-Id is used",
      "trace-id",
      {
        request: {
          method: "GET",
          path: MISSING,
          headers: { traceparent: `00-${TRACE_ID}-${"0".repeat(16)}-01`, "x-request-id": "req-{{suffix}}" },
        },
        expect: { status: 404, error: "not_found", traceId: { equals: "req-{{suffix}}" } },
      },
    ),
    api(
      "problem-json",
      "Accept preferring application/problem+json gets RFC 9457 problem details",
      "problem-json",
      {
        request: {
          method: "GET",
          path: MISSING,
          headers: { accept: "application/problem+json, application/json;q=0.5" },
        },
        expect: { status: 404, error: "not_found", format: "problem+json" },
      },
    ),
    api("problem-json-any", "Accept: */* gets the default JSON rendering", "problem-json", {
      request: { method: "GET", path: MISSING, headers: { accept: "*/*" } },
      expect: { status: 404, error: "not_found" },
    }),
    api("problem-json-equal-preference", "equal preference gets the default JSON rendering", "problem-json", {
      request: {
        method: "GET",
        path: MISSING,
        headers: { accept: "application/problem+json, application/json" },
      },
      expect: { status: 404, error: "not_found" },
    }),
  ];
}
