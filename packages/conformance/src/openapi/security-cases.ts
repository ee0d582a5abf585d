import type { RequestBody } from "../case.js";
import {
  arrayOf,
  isObject,
  type OpenApiDocument,
  type Operation,
  resolve,
  SAFE_METHODS,
} from "./document.js";
import type { OpenApiCase } from "./openapi-case.js";

/**
 * Whether every security alternative of the operation (its own `security`, else the document's)
 * needs an HTTP bearer credential. An empty alternative (`{}`) makes credentials optional.
 */
export function requiresBearer(document: OpenApiDocument, operation: Operation): boolean {
  const requirements = operation.operation.security ?? document.security;
  const alternatives = arrayOf(requirements);
  if (alternatives.length === 0) return false;
  const schemes = isObject(document.components?.securitySchemes) ? document.components.securitySchemes : {};
  return alternatives.every((alternative) => {
    if (!isObject(alternative)) return false;
    return Object.keys(alternative).some((name) => {
      const scheme = resolve(document, schemes[name]);
      return scheme?.type === "http" && String(scheme.scheme).toLowerCase() === "bearer";
    });
  });
}

/** No credentials, a malformed one and an unknown token: each a 401 with a Bearer challenge. */
export function securityCases(
  operation: Operation,
  path: string,
  body: RequestBody | undefined,
): OpenApiCase[] {
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
