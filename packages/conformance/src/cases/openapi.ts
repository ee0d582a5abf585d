import type { ConformanceCase } from "../case.js";
import { get } from "./requests.js";

const group = "openapi";
const JSON_CONTENT = { "Content-Type": { startsWith: "application/json" } } as const;

/**
 * GET /openapi.json: the API's OpenAPI 3.1 document. The suite checks what a case can see
 * (200, JSON, `openapi` 3.1.x: any patch release of 3.1); a full validation of the document is
 * the service's own test.
 */
export const openapiCases: readonly ConformanceCase[] = [
  {
    id: "openapi-document",
    title: "GET /openapi.json is the OpenAPI 3.1 document, as application/json",
    group,
    request: get("/openapi.json"),
    expect: { status: 200, headers: JSON_CONTENT, body: { matches: { openapi: "^3\\.1\\.\\d+$" } } },
  },
  {
    id: "openapi-document-head",
    title: "HEAD /openapi.json answers as GET does, without a body",
    group,
    request: { method: "HEAD", path: "/openapi.json" },
    expect: { status: 200, headers: JSON_CONTENT, body: { empty: true } },
  },
];
