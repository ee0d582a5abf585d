import type { ApiError } from "@error-contract/core";
import { fromHttpException } from "@error-contract/core/adapter";

type FastifyErrorLike = Error & { code?: unknown; statusCode?: unknown };

/**
 * Fastify's own errors (`@fastify/error`, named `FastifyError`: `FST_ERR_BAD_URL` and the other
 * router refusals handed to `frameworkErrors`) as core's errors, with their status; anything
 * else is core's to judge.
 */
export function recogniseFastifyRouterError(thrown: unknown): ApiError | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { name, statusCode, message } = thrown as FastifyErrorLike;
  if (name !== "FastifyError" || typeof statusCode !== "number") return undefined;
  return fromHttpException(statusCode, { message, cause: thrown });
}
