import type { ApiError } from "@error-contract/core";
import { createErrorPath, requestBodyError } from "@error-contract/core/adapter";
import type { Quirk } from "./quirks.js";
import { createReferenceServer, type Handler } from "./reference-server.js";

/**
 * One rule of the cases derived from an OpenAPI document that a variant of the server breaks.
 * Each is a thin layer around the reference server that alters a request or an answer.
 */
export type OpenApiQuirk =
  | "charset-ignored"
  | "content-coding-ignored"
  | "traceparent-ignored"
  | "request-id-ignored"
  | "traceparent-any-case"
  | "problem-json-for-equal-preference"
  | "unserved-method-200"
  | "array-body-500"
  | "error-in-200"
  | "head-differs"
  | "traceparent-format-only";

/**
 * The reference server with the two request-body rules of reference-api.md it leaves to the
 * adapters (a charset other than UTF-8 and a content coding are 415, before the body is read),
 * optionally breaking one rule: a reference-server quirk, or one of `OpenApiQuirk`.
 */
export function createOpenApiServer(quirk?: Quirk | OpenApiQuirk): Handler {
  const inner = createReferenceServer(isReferenceQuirk(quirk) ? quirk : undefined);
  return async (original) => {
    const request = alterRequest(original, quirk);
    const refused = bodyRefusal(request, quirk);
    if (refused !== undefined) return render(refused, request);
    const method = request.method;
    if (quirk === "array-body-500" && method === "POST") {
      const text = await request.clone().text();
      if (text.trimStart().startsWith("[")) return render(new TypeError("input.email of an array"), request);
    }
    const response = await inner(request);
    if (quirk === "unserved-method-200" && response.status === 405) {
      return Response.json(
        {},
        { status: 200, headers: { "X-Request-Id": response.headers.get("x-request-id") ?? "" } },
      );
    }
    if (quirk === "error-in-200" && response.status === 404 && method === "GET") {
      return new Response(await response.text(), { status: 200, headers: response.headers });
    }
    if (quirk === "head-differs" && method === "HEAD" && response.status >= 400) {
      return new Response(null, {
        status: 200,
        headers: { "X-Request-Id": response.headers.get("x-request-id") ?? "" },
      });
    }
    if (quirk === "traceparent-format-only") return formatOnlyTraceparent(request, response);
    return response;
  };
}

// The broken rule: a traceparent taken by its shape alone, all-zero trace-id or parent-id included.
async function formatOnlyTraceparent(request: Request, response: Response): Promise<Response> {
  const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(
    request.headers.get("traceparent") ?? "",
  )?.[1];
  if (traceId === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("X-Request-Id", traceId);
  const text = await response.text();
  const body = text.startsWith("{") ? JSON.stringify({ ...JSON.parse(text), traceId }) : text;
  return new Response(request.method === "HEAD" ? null : body, { status: response.status, headers });
}

// The charset and content-coding quirks are the reference server's too: both layers skip the rule.
const OPENAPI_QUIRKS = new Set<string>([
  "traceparent-ignored",
  "request-id-ignored",
  "traceparent-any-case",
  "problem-json-for-equal-preference",
  "unserved-method-200",
  "array-body-500",
  "error-in-200",
  "head-differs",
  "traceparent-format-only",
]);

function isReferenceQuirk(quirk: Quirk | OpenApiQuirk | undefined): quirk is Quirk {
  return quirk !== undefined && !OPENAPI_QUIRKS.has(quirk);
}

function alterRequest(request: Request, quirk: Quirk | OpenApiQuirk | undefined): Request {
  const headers = new Headers(request.headers);
  if (quirk === "traceparent-ignored") headers.delete("traceparent");
  if (quirk === "request-id-ignored") headers.delete("x-request-id");
  const traceparent = headers.get("traceparent");
  if (quirk === "traceparent-any-case" && traceparent !== null)
    headers.set("traceparent", traceparent.toLowerCase());
  if (
    quirk === "problem-json-for-equal-preference" &&
    headers.get("accept") === "application/problem+json, application/json"
  ) {
    headers.set("accept", "application/problem+json");
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : null,
    duplex: "half",
  } as RequestInit);
}

function bodyRefusal(request: Request, quirk: Quirk | OpenApiQuirk | undefined): ApiError | undefined {
  if (request.method !== "POST") return undefined;
  const coding = request.headers.get("content-encoding");
  if (quirk !== "content-coding-ignored" && coding !== null && coding.trim().toLowerCase() !== "identity") {
    return requestBodyError("unsupported_content_coding");
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers.get("content-type") ?? "")?.[1];
  if (quirk !== "charset-ignored" && charset !== undefined && charset.toLowerCase() !== "utf-8") {
    return requestBodyError("unsupported_charset");
  }
  return undefined;
}

const errorPath = createErrorPath({ report: () => {} });

function render(thrown: unknown, request: Request): Response {
  const { method, url, headers } = request;
  const rendered = errorPath.answer(thrown, { method, path: new URL(url).pathname, headers });
  return new Response(request.method === "HEAD" ? null : rendered.body, {
    status: rendered.status,
    headers: rendered.headers,
  });
}
