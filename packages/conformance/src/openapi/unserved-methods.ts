import { type OpenApiDocument, operationsOf, SAFE_METHODS } from "./document.js";
import type { DeriveOptions, OpenApiCase } from "./openapi-case.js";
import { templateMatcher } from "./route-match.js";
import { samplePath } from "./sample-value.js";

// Tried in this order for "a method the path does not serve": safe ones first.
const CANDIDATES = ["GET", "DELETE", "PUT", "PATCH", "POST"];

/**
 * For each path: a method it does not serve is a 404 or 405 contract answer (405 with `Allow`).
 * "Does not serve" counts every template the sample path matches: GitHub's
 * `…/memberships/add` is also a `…/memberships/{username}`, whose GET serves it. Without
 * `allowWrites` only safe methods go out: GET where no template serves it, else TRACE (which a
 * server may also refuse as not implemented, 501).
 */
export function unservedMethodCases(document: OpenApiDocument, options: DeriveOptions): OpenApiCase[] {
  const operations = operationsOf(document);
  const templates = new Map<string, Set<string>>();
  const samples = new Map<string, string>();
  for (const operation of operations) {
    const methods = templates.get(operation.path) ?? new Set<string>();
    methods.add(operation.method);
    templates.set(operation.path, methods);
    if (!samples.has(operation.path))
      samples.set(operation.path, samplePath(document, operation.path, operation.parameters));
  }
  const matchers = [...templates].map(([template, methods]) => ({
    template,
    methods,
    matcher: templateMatcher(template),
  }));
  const cases: OpenApiCase[] = [];
  for (const [template, path] of samples) {
    const served = new Set<string>();
    for (const other of matchers) {
      if (other.template === template || other.matcher.test(path))
        for (const method of other.methods) served.add(method);
    }
    if (served.has("GET")) served.add("HEAD");
    const method =
      CANDIDATES.find(
        (candidate) => !served.has(candidate) && (options.allowWrites || SAFE_METHODS.has(candidate)),
      ) ?? (served.has("TRACE") ? undefined : "TRACE");
    if (method === undefined) continue;
    cases.push({
      id: `openapi-unserved-method-${slug(template)}`,
      title: `${method} ${template}, a method the path does not serve, is 405 with Allow or 404`,
      group: "api",
      tags: ["routing", ...(SAFE_METHODS.has(method) ? [] : ["writes"])],
      request: { method, path },
      expect: { status: method === "TRACE" ? [405, 404, 501] : [405, 404] },
    });
  }
  return cases;
}

function slug(path: string): string {
  return (
    path
      .replace(/[{}]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "root"
  );
}
