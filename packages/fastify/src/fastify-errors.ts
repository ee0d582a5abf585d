import { type ApiError, fromZodError, type ZodIssue } from "@error-contract/core";
import {
  type ErrorRequest,
  fromHttpException,
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
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
};
// fastify-type-provider-zod marks each validation entry it makes with this registered symbol.
const ZOD_ENTRY = Symbol.for("ZodFastifySchemaValidationError");
const PARTS: Record<string, "body" | "params" | "query" | "headers"> = {
  body: "body",
  params: "params",
  querystring: "query",
  headers: "headers",
};

interface FastifyErrorLike extends Error {
  code?: unknown;
  statusCode?: unknown;
  validation?: Array<{
    [ZOD_ENTRY]?: true;
    keyword: string;
    instancePath: string;
    message: string;
    params?: object;
  }>;
  validationContext?: string;
}

/** fastify-type-provider-zod's validation entries back into zod issues, for core's 400/422 split. */
function zodIssues(error: FastifyErrorLike): ZodIssue[] | undefined {
  if (!error.validation?.length || error.validation[0]?.[ZOD_ENTRY] !== true) return undefined;
  return error.validation.map(
    (entry) =>
      ({
        ...entry.params,
        code: entry.keyword,
        path: entry.instancePath.split("/").slice(1),
        message: entry.message,
      }) as ZodIssue,
  );
}

/**
 * What Fastify throws, as core's errors: its body-parser errors by name, the zod validation
 * errors of fastify-type-provider-zod (400/422), and its own errors (`@fastify/error`, named
 * `FastifyError`: the router's, the framework's, an app's) with their status. Anything else is core's.
 */
export function recogniseFastifyError(
  thrown: unknown,
  { request }: FastifyErrorRequest,
): ApiError | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const error = thrown as FastifyErrorLike;
  const code = typeof error.code === "string" ? error.code : "";
  if (Object.hasOwn(BODY_ERRORS, code))
    return requestBodyError(BODY_ERRORS[code] as RequestBodyFailure, thrown);
  const issues = zodIssues(error);
  if (issues !== undefined) {
    const part = PARTS[error.validationContext ?? ""];
    return fromZodError({ issues }, { input: part === undefined ? undefined : request[part] });
  }
  if (
    (error.name === "FastifyError" || code === "FST_ERR_VALIDATION") &&
    typeof error.statusCode === "number"
  ) {
    return fromHttpException(error.statusCode, { message: error.message, cause: thrown });
  }
  return undefined;
}
