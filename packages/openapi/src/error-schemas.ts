import { ErrorBody, ProblemBody } from "@error-contract/core";
import { z } from "zod";
import type { JsonSchema } from "./openapi-types.js";

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a core zod schema, without `$schema`. */
function fromZod(schema: z.ZodType, description: string): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as JsonSchema;
  return { description, ...rest };
}

/** `components.schemas` of the contract: both renderings, straight from core's zod schemas. */
export function errorSchemas(): { ErrorBody: JsonSchema; ProblemBody: JsonSchema } {
  return {
    ErrorBody: fromZod(ErrorBody, "The error body of the contract (default rendering)."),
    ProblemBody: fromZod(ProblemBody, "The same error as RFC 9457 problem details."),
  };
}

export const ERROR_BODY_REF = "#/components/schemas/ErrorBody";
export const PROBLEM_BODY_REF = "#/components/schemas/ProblemBody";
