import { accessOf } from "./access.js";
import { jsonBodyOf } from "./body-cases.js";
import { type OpenApiDocument, type Operation, SAFE_METHODS } from "./document.js";
import type { DeriveOptions, OpenApiCase } from "./openapi-case.js";
import { samplePath, sampleValue } from "./sample-value.js";

/**
 * An operation whose every security alternative takes a bearer token in `Authorization` (HTTP
 * bearer, OAuth 2, OpenID Connect), probed without credentials, with a malformed one, another
 * scheme and an unknown token: each a 401 with a Bearer challenge. Sent without `--header`'s
 * `Authorization`, with or without it given.
 */
export function securityCases(
  document: OpenApiDocument,
  operation: Operation,
  _options: DeriveOptions,
): OpenApiCase[] {
  if (!accessOf(document, operation).bearer) return [];
  const path = samplePath(document, operation.path, operation.parameters);
  const json = jsonBodyOf(document, operation);
  const body =
    json === undefined ? undefined : { kind: "json" as const, value: sampleValue(document, json.schema) };
  const variants: [string, string, Record<string, string>][] = [
    ["no-credentials", "without credentials", {}],
    [
      "malformed-credentials",
      "with a malformed Bearer credential (two tokens)",
      { authorization: "Bearer two tokens" },
    ],
    [
      "other-scheme",
      "with another scheme (Basic)",
      { authorization: "Basic Y29uZm9ybWFuY2U6Y29uZm9ybWFuY2U=" },
    ],
    [
      "unknown-token",
      "with a well-formed token the service does not know",
      { authorization: "Bearer error-contract-unknown-{{suffix}}" },
    ],
  ];
  return variants.map(([id, what, headers]) => ({
    id: `openapi-${operation.slug}-${id}`,
    title: `${operation.method} ${operation.path} ${what} is 401 with WWW-Authenticate: Bearer`,
    group: operation.slug,
    tags: ["auth", ...(SAFE_METHODS.has(operation.method) ? [] : ["writes"])],
    operation: { method: operation.method, path: operation.path },
    withoutCredentials: true,
    request: {
      method: operation.method,
      path,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body }),
    },
    expect: {
      status: 401,
      error: "unauthenticated",
      headers: { "www-authenticate": { startsWith: "Bearer" } },
    },
  }));
}
