import { fromZodError, type ZodIssue } from "@error-contract/core";
import type { ErrorRequest } from "@error-contract/core/adapter";
import type { FastifyRequest } from "fastify";

/** The request facts core's error path gets, with Fastify's request for the recogniser. */
export interface FastifyErrorRequest extends ErrorRequest {
  request: FastifyRequest;
}

// fastify-type-provider-zod marks each validation entry it makes with this registered symbol.
const ZOD_ENTRY = Symbol.for("ZodFastifySchemaValidationError");

type Entry = { keyword: string; instancePath: string; message: string; params?: object };
type FastifyErrorLike = Error & { validation?: Entry[] };

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
 * What Fastify throws that core's table of library errors does not know: the zod validation
 * errors of fastify-type-provider-zod, as core's 400 (structure) or 422 (rules) with `fields`.
 * Fastify's own errors (`@fastify/error`, its body parser's, the router's) are core's table's.
 */
export function recogniseFastifyError(thrown: unknown, { request }: FastifyErrorRequest) {
  if (!(thrown instanceof Error)) return undefined;
  const issues = zodIssues(thrown);
  if (issues === undefined) return undefined;
  // The validated part (`validationContext`) is what the request holds under that name.
  const { validationContext: part } = thrown as { validationContext?: string };
  const parts = request as unknown as Record<string, unknown>;
  return fromZodError({ issues }, { input: parts[part === "querystring" ? "query" : `${part}`] });
}
