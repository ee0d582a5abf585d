import { type ErrorFactory, type ErrorStatus, isErrorStatus } from "@error-contract/core";
import { responseName } from "./error-components.js";
import { errorResponse } from "./error-response.js";
import type { ReferenceObject, ResponseObject } from "./openapi-types.js";

/** A status (its component response), or a catalog error (a response narrowed to its code). */
export type ErrorResponseItem = ErrorStatus | Pick<ErrorFactory, "code" | "status">;

/**
 * An operation's error `responses`: `errorResponses([400, 401, 422, errors.email_taken])`.
 * A bare status refers to `#/components/responses/<Name>` (all its codes); catalog errors
 * whose status is not listed bare get a response of their own codes only.
 */
export function errorResponses(
  items: readonly ErrorResponseItem[],
): Record<string, ResponseObject | ReferenceObject> {
  const bare = new Set<ErrorStatus>();
  const declared = new Map<ErrorStatus, string[]>();
  for (const item of items) {
    if (typeof item === "number") {
      if (!isErrorStatus(item)) throw new TypeError(`errorResponses: ${item} is not an error status`);
      bare.add(item);
    } else {
      declared.set(item.status, [...(declared.get(item.status) ?? []), item.code]);
    }
  }
  const statuses = [...new Set([...bare, ...declared.keys()])].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      bare.has(status)
        ? { $ref: `#/components/responses/${responseName(status)}` }
        : errorResponse(status, declared.get(status) ?? []),
    ]),
  );
}
