import { z } from "zod";
import { CODE_PATTERN } from "./code-pattern.js";

/** A machine-readable error code: lower snake case. */
export const ErrorCode = z.string().regex(CODE_PATTERN);

/** Field paths (`password`, `address.city`, `items.0.qty`) to what is wrong with each. */
export const ErrorFields = z.record(z.string().min(1), z.string().min(1));

/** The error body of the contract, in its default rendering. No other members. */
export const ErrorBody = z.strictObject({
  error: ErrorCode,
  message: z.string().min(1),
  fields: ErrorFields.optional(),
  traceId: z.string().min(1),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The same error rendered as RFC 9457 problem details. */
export const ProblemBody = z.strictObject({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.int().min(400).max(599),
  detail: z.string().min(1),
  error: ErrorCode,
  fields: ErrorFields.optional(),
  traceId: z.string().min(1),
});
export type ProblemBody = z.infer<typeof ProblemBody>;

/** JSON Schema of the error body, for services and clients in other languages. */
export const errorBodyJsonSchema = z.toJSONSchema(ErrorBody);

/** JSON Schema of the problem+json rendering. */
export const problemBodyJsonSchema = z.toJSONSchema(ProblemBody);
