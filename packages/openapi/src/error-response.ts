import { type ErrorStatus, genericMessage, reasonPhrase } from "@error-contract/core";
import { headersForStatus } from "./error-headers.js";
import { ERROR_BODY_REF, PROBLEM_BODY_REF } from "./error-schemas.js";
import type { JsonSchema, ResponseObject } from "./openapi-types.js";

/**
 * The response of one error status, in both renderings: the body schemas of the contract
 * narrowed to this status (its codes as the `error` enum; on 5xx the one generic message).
 */
export function errorResponse(status: ErrorStatus, codes: readonly string[]): ResponseObject {
  const error = { enum: [...codes] };
  // A 5xx never shows its own message: the generic one of the status is the only value.
  const message = status >= 500 ? { const: genericMessage(status) } : undefined;
  const json: JsonSchema = {
    allOf: [
      { $ref: ERROR_BODY_REF },
      { type: "object", properties: message ? { error, message } : { error } },
    ],
  };
  const problem: JsonSchema = {
    allOf: [
      { $ref: PROBLEM_BODY_REF },
      {
        type: "object",
        properties: {
          title: { const: reasonPhrase(status) },
          status: { const: status },
          error,
          ...(message ? { detail: message } : {}),
        },
      },
    ],
  };
  return {
    description: `${reasonPhrase(status)}: ${codes.join(", ")}`,
    headers: headersForStatus(status),
    content: {
      "application/json": { schema: json },
      "application/problem+json": { schema: problem },
    },
  };
}
