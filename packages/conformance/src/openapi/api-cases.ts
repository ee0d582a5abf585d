import { type Operation, SAFE_METHODS } from "./document.js";
import type { OpenApiCase } from "./openapi-case.js";

const MISSING = "/error-contract-no-such-path-{{suffix}}";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
// Tried in this order for "a method the path does not serve": safe ones first.
const UNSERVED_CANDIDATES = ["GET", "DELETE", "PUT", "PATCH", "POST"];

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

/**
 * For each path: a method it does not serve is a 404 or 405 contract answer (405 with `Allow`).
 * Without `allowWrites` only safe methods go out: GET where the path has none, else TRACE (which
 * a server may also refuse as not implemented, 501).
 */
export function unservedMethodCases(
  paths: ReadonlyMap<string, { samplePath: string; methods: ReadonlySet<string> }>,
  allowWrites: boolean,
): OpenApiCase[] {
  const cases: OpenApiCase[] = [];
  for (const [template, { samplePath, methods }] of paths) {
    const served = new Set(methods);
    if (served.has("GET")) served.add("HEAD");
    const method =
      UNSERVED_CANDIDATES.find(
        (candidate) => !served.has(candidate) && (allowWrites || SAFE_METHODS.has(candidate)),
      ) ?? (served.has("TRACE") ? undefined : "TRACE");
    if (method === undefined) continue;
    cases.push({
      id: `openapi-unserved-method-${slug(template)}`,
      title: `${method} ${template}, a method the path does not serve, is 405 with Allow or 404`,
      group: "api",
      tags: ["routing", ...(SAFE_METHODS.has(method) ? [] : ["writes"])],
      request: { method, path: samplePath },
      expect: { status: method === "TRACE" ? [405, 404, 501] : [405, 404] },
    });
  }
  return cases;
}

/** HEAD of each GET operation answers as GET does, without a body; GET itself answers as documented. */
export function getOperationCases(
  operation: Operation,
  path: string,
  statuses: readonly number[],
): OpenApiCase[] {
  const ref = { method: operation.method, path: operation.path };
  return [
    {
      id: `openapi-${operation.slug}-get`,
      title: `GET ${operation.path} answers a documented status; a 2xx carries no error-looking body`,
      group: operation.slug,
      tags: ["operations"],
      operation: ref,
      request: { method: "GET", path },
      expect: { status: statuses },
    },
    {
      id: `openapi-${operation.slug}-head`,
      title: `HEAD ${operation.path} answers as GET does, without a body`,
      group: operation.slug,
      tags: ["head"],
      operation: ref,
      headOfGet: true,
      request: { method: "HEAD", path },
      expect: { status: statuses },
    },
  ];
}

export function slug(path: string): string {
  return (
    path
      .replace(/[{}]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "root"
  );
}
