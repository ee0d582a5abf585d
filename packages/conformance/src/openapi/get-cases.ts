import { accessOf } from "./access.js";
import { isObject, type OpenApiDocument, type Operation } from "./document.js";
import type { DeriveOptions, OpenApiCase } from "./openapi-case.js";
import { samplePath } from "./sample-value.js";

/**
 * GET answers a status the document gives it; HEAD answers as GET does, without a body. On a
 * secured operation both need credentials that meet its `security` (without them, no documented
 * 2xx is right: the 401 cases probe that).
 */
export function getCases(
  document: OpenApiDocument,
  operation: Operation,
  _options: DeriveOptions,
): OpenApiCase[] {
  if (operation.method !== "GET") return [];
  const path = samplePath(document, operation.path, operation.parameters);
  const statuses = documentedStatuses(operation.operation.responses);
  const ref = { method: operation.method, path: operation.path };
  const secured = accessOf(document, operation).secured ? { needsCredentials: true } : {};
  return [
    {
      id: `openapi-${operation.slug}-get`,
      title: `GET ${operation.path} answers a documented status; a 2xx carries no error-looking body`,
      group: operation.slug,
      tags: ["operations"],
      operation: ref,
      ...secured,
      request: { method: "GET", path },
      expect: { status: statuses },
    },
    {
      id: `openapi-${operation.slug}-head`,
      title: `HEAD ${operation.path} answers as GET does, without a body`,
      group: operation.slug,
      tags: ["head"],
      operation: ref,
      ...secured,
      headOfGet: true,
      request: { method: "HEAD", path },
      expect: { status: statuses },
    },
  ];
}

/** The statuses an operation documents: `4XX` is 400 to 499, `default` any status. */
export function documentedStatuses(responses: unknown): number[] {
  const statuses = new Set<number>();
  for (const key of Object.keys(isObject(responses) ? responses : {})) {
    if (/^[1-5]\d\d$/.test(key)) statuses.add(Number(key));
    else if (/^[1-5]XX$/i.test(key))
      for (let status = Number(key[0]) * 100; status < Number(key[0]) * 100 + 100; status++)
        statuses.add(status);
    else if (key === "default") for (let status = 100; status < 600; status++) statuses.add(status);
  }
  return [...statuses].sort((a, b) => a - b);
}
