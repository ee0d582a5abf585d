import type { ErrorStatus } from "@error-contract/core";
import type { HeaderObject, ReferenceObject } from "./openapi-types.js";

/** `components.headers`: the contract's response headers. */
export function errorHeaders(): Record<string, HeaderObject> {
  return {
    "X-Request-Id": {
      description: "The request's trace id; equal to `traceId` in an error body.",
      required: true,
      schema: { type: "string", pattern: "^[A-Za-z0-9._~:-]{1,128}$" },
    },
    "Cache-Control": {
      description: "Error responses are never stored.",
      required: true,
      schema: { type: "string", const: "no-store" },
    },
    "WWW-Authenticate": {
      description: 'The Bearer challenge (RFC 6750), with `error="invalid_token"` for an unknown token.',
      required: true,
      schema: { type: "string", pattern: "^Bearer(?: |$)" },
    },
    Allow: {
      description: "The methods the path serves.",
      required: true,
      schema: { type: "string" },
    },
    "Retry-After": {
      description: "When to try again: seconds or an HTTP date (RFC 9110 section 10.2.3).",
      schema: { type: "string" },
    },
    "Accept-Encoding": {
      description: "Request bodies are not content-coded: `identity` (RFC 9110 section 15.5.16).",
      schema: { type: "string" },
    },
  };
}

export function headerRef(name: string): ReferenceObject {
  return { $ref: `#/components/headers/${name}` };
}

/** The headers an error response of this status carries. */
export function headersForStatus(status: ErrorStatus): Record<string, ReferenceObject> {
  const names = ["X-Request-Id", "Cache-Control"];
  if (status === 401) names.push("WWW-Authenticate");
  if (status === 405) names.push("Allow");
  if (status === 415) names.push("Accept-Encoding");
  if (status === 429 || status === 503) names.push("Retry-After");
  return Object.fromEntries(names.map((name) => [name, headerRef(name)]));
}
