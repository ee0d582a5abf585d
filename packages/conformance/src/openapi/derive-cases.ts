import { accessOf } from "./access.js";
import { apiCases } from "./api-cases.js";
import { derivers } from "./derivers.js";
import { type OpenApiDocument, operationsOf, SAFE_METHODS } from "./document.js";
import { type Derived, type DeriveOptions, givenHeaders, type OpenApiCase } from "./openapi-case.js";
import { unservedMethodCases } from "./unserved-methods.js";

/**
 * Every case the document gives: the API-wide ones, then each deriver's cases per operation
 * (document order). Left out, and listed as such: cases with an unsafe method without
 * `allowWrites`, and cases that need credentials the given headers do not give.
 */
export function deriveCases(document: OpenApiDocument, options: DeriveOptions = {}): Derived {
  const headers = givenHeaders(options);
  const leftOut: { id: string; reason: string }[] = [];
  const all: OpenApiCase[] = [...apiCases(), ...unservedMethodCases(document, options)];
  for (const operation of operationsOf(document)) {
    const satisfied = accessOf(document, operation, headers).satisfied;
    for (const derive of derivers) {
      for (const testCase of derive(document, operation, options)) {
        if (testCase.needsCredentials && !satisfied) {
          leftOut.push({
            id: testCase.id,
            reason: "a secured operation: give its credentials with --header",
          });
        } else all.push(testCase);
      }
    }
  }
  const cases: OpenApiCase[] = [];
  for (const testCase of all) {
    if (options.allowWrites || SAFE_METHODS.has(testCase.request.method)) cases.push(testCase);
    else
      leftOut.push({
        id: testCase.id,
        reason: `${testCase.request.method} is not safe: give --allow-writes`,
      });
  }
  const ids = new Set<string>();
  for (const testCase of cases) {
    if (ids.has(testCase.id))
      throw new Error(`two cases derive the id ${testCase.id}: give the operations distinct operationIds`);
    ids.add(testCase.id);
  }
  return { cases, leftOut };
}
