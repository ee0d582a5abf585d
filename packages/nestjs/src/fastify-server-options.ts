import type { ApiError } from "@error-contract/core";
import {
  type ContractOptions,
  createErrorPath,
  fromHttpException,
  malformedPath,
} from "@error-contract/core/adapter";
import { nodeRequestFacts, respondOnReply } from "@error-contract/core/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import { traceIdOf } from "./trace-id.js";

/**
 * Fastify's own errors (`@fastify/error`, named `FastifyError`: `FST_ERR_BAD_URL` and the other
 * router refusals handed to `frameworkErrors`) as core's errors, with their status; anything
 * else is core's to judge.
 */
function recogniseRouterError(thrown: unknown): ApiError | undefined {
  const { name, statusCode, message, code } = thrown as Error & { statusCode?: unknown; code?: unknown };
  if (name !== "FastifyError" || typeof statusCode !== "number") return undefined;
  // The router's own text quotes the path back: core's one wording instead.
  if (code === "FST_ERR_BAD_URL") return malformedPath(thrown);
  return fromHttpException(statusCode, { message, cause: thrown });
}

/**
 * Options for `new FastifyAdapter({...})`, which Fastify reads only when it is made: what its
 * router refuses before any route or Nest filter is reached (a malformed percent-encoding) is
 * answered with the contract (`frameworkErrors`), and a path segment of any length is matched
 * like any other (`maxParamLength`, by default 100: longer is Fastify's 414). Pass the options
 * you give `ErrorContractModule.forRoot()`.
 */
export function fastifyServerOptions(options: ContractOptions = {}) {
  const path = createErrorPath(options, recogniseRouterError);
  return {
    // Typed `object`: Fastify's types stay out of this package's public types.
    frameworkErrors(error: Error, request: object, reply: object): void {
      const fastifyReply = reply as FastifyReply;
      const facts = nodeRequestFacts((request as FastifyRequest).raw, fastifyReply, traceIdOf(request));
      respondOnReply(path, error, facts, fastifyReply);
    },
    routerOptions: { maxParamLength: 64 * 1024 },
  };
}
