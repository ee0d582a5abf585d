import { apiCases, getOperationCases, unservedMethodCases } from "./api-cases.js";
import { bodyCases, jsonBodyOf } from "./body-cases.js";
import { isObject, type OpenApiDocument, operationsOf, SAFE_METHODS } from "./document.js";
import { DEFAULT_BODY_LIMIT, type Derived, type DeriveOptions, type OpenApiCase } from "./openapi-case.js";
import { samplePath, sampleValue } from "./sample-value.js";
import { requiresBearer, securityCases } from "./security-cases.js";

/**
 * Every case the document gives: the API-wide ones, then per operation (document order) GET and
 * HEAD, the 401s of a bearer-secured operation, and the body cases of a JSON-body operation.
 * Without `allowWrites`, cases with an unsafe method are left out (and listed as such).
 */
export function deriveCases(document: OpenApiDocument, options: DeriveOptions = {}): Derived {
  const operations = operationsOf(document);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const paths = new Map<string, { samplePath: string; methods: Set<string> }>();
  const perOperation: OpenApiCase[] = [];
  const leftOut: { id: string; reason: string }[] = [];
  for (const operation of operations) {
    const path = samplePath(document, operation.path, operation.parameters);
    const entry = paths.get(operation.path) ?? { samplePath: path, methods: new Set<string>() };
    entry.methods.add(operation.method);
    paths.set(operation.path, entry);
    if (operation.method === "GET")
      perOperation.push(
        ...getOperationCases(operation, path, documentedStatuses(operation.operation.responses)),
      );
    const bearer = requiresBearer(document, operation);
    const json = jsonBodyOf(document, operation);
    if (bearer) {
      const body =
        json === undefined ? undefined : { kind: "json" as const, value: sampleValue(document, json.schema) };
      perOperation.push(...securityCases(operation, path, body));
    }
    const body = bodyCases(document, operation, path, bodyLimit);
    if (bearer && !options.hasCredentials) {
      for (const testCase of body)
        leftOut.push({
          id: testCase.id,
          reason: "a bearer-secured operation: give credentials with --header",
        });
    } else perOperation.push(...body);
  }
  const all = [...apiCases(), ...unservedMethodCases(paths, options.allowWrites === true), ...perOperation];
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
