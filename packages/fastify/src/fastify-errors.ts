import { fromZodError, type ZodIssue } from "@error-contract/core";
import {
  type ErrorRequest,
  fromHttpException,
  malformedPath,
  type RequestBodyFailure,
  requestBodyError,
} from "@error-contract/core/adapter";
import type { FastifyRequest } from "fastify";

/** The request facts core's error path gets, with Fastify's request for the recogniser. */
export interface FastifyErrorRequest extends ErrorRequest {
  request: FastifyRequest;
}

// Fastify's own body errors, by code, onto core's named request-body errors.
const BODY_ERRORS: Record<string, RequestBodyFailure> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "empty_body",
};
// fastify-type-provider-zod marks each validation entry it makes with this registered symbol.
const ZOD_ENTRY = Symbol.for("ZodFastifySchemaValidationError");

type Entry = { keyword: string; instancePath: string; message: string; params?: object };
type FastifyErrorLike = Error & { code?: unknown; statusCode?: unknown; validation?: Entry[] };

/** A JSON Pointer as path segments; the provider writes the root as "" or "/". */
const pointerPath = (pointer: string): string[] =>
  pointer
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));

/** fastify-type-provider-zod's validation entries back into zod issues, for core's 400/422 split. */
function zodIssues({ validation }: FastifyErrorLike): ZodIssue[] | undefined {
  if (!validation?.length || (validation[0] as Record<symbol, unknown>)[ZOD_ENTRY] !== true) return;
  return validation.map(({ params, keyword, instancePath, message }) => {
    return { ...params, code: keyword, path: pointerPath(instancePath), message } as ZodIssue;
  });
}

/**
 * What Fastify throws, as core's errors: its body-parser errors by name, the zod validation
 * errors of fastify-type-provider-zod (400/422), and its own errors (`@fastify/error`, named
 * `FastifyError`: the router's, the framework's, an app's) with their status. Anything else is core's.
 */
export function recogniseFastifyError(thrown: unknown, { request }: FastifyErrorRequest) {
  if (!(thrown instanceof Error)) return undefined;
  const error = thrown as FastifyErrorLike;
  const code = typeof error.code === "string" ? error.code : "";
  if (Object.hasOwn(BODY_ERRORS, code))
    return requestBodyError(BODY_ERRORS[code] as RequestBodyFailure, thrown);
  // The router's own text quotes the path back: core's one wording instead.
  if (code === "FST_ERR_BAD_URL") return malformedPath(thrown);
  const issues = zodIssues(error);
  if (issues !== undefined) {
    // The validated part (`validationContext`) is what the request holds under that name.
    const { validationContext: part } = error as { validationContext?: string };
    const parts = request as unknown as Record<string, unknown>;
    return fromZodError({ issues }, { input: parts[part === "querystring" ? "query" : `${part}`] });
  }
  const own = error.name === "FastifyError" || code === "FST_ERR_VALIDATION";
  if (own && typeof error.statusCode === "number") {
    return fromHttpException(error.statusCode, { message: error.message, cause: thrown });
  }
  return undefined;
}
