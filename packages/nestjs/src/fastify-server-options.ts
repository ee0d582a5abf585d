import { type ContractOptions, createErrorPath } from "@error-contract/core/adapter";
import { nodeRequestFacts, respondOnReply } from "@error-contract/core/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import { traceIdOf } from "./trace-id.js";

/**
 * Options for `new FastifyAdapter({...})`, which Fastify reads only when it is made: what its
 * router refuses before any route or Nest filter is reached (a malformed percent-encoding) is
 * answered with the contract (`frameworkErrors`), and a path segment of any length is matched
 * like any other (`maxParamLength`, by default 100: longer is Fastify's 414). Pass the options
 * you give `ErrorContractModule.forRoot()`.
 */
export function fastifyServerOptions(options: ContractOptions = {}) {
  // What the router refuses (`@fastify/error`'s errors) is core's table's to word.
  const path = createErrorPath(options);
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
