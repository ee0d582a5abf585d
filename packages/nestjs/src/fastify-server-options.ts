import { type ContractOptions, createErrorPath } from "@error-contract/core/adapter";
import { fastifyPlatform } from "./fastify-platform.js";
import { recogniseFastifyRouterError } from "./fastify-router-errors.js";
import { traceIdOf } from "./trace-id.js";

/**
 * Options for `new FastifyAdapter({...})`, which Fastify reads only when it is made: what its
 * router refuses before any route or Nest filter is reached (a malformed percent-encoding) is
 * answered with the contract (`frameworkErrors`), and a path segment of any length is matched
 * like any other (`maxParamLength`, by default 100: longer is Fastify's 414). Pass the options
 * you give `ErrorContractModule.forRoot()`.
 */
export function fastifyServerOptions(options: ContractOptions = {}) {
  const path = createErrorPath(options, recogniseFastifyRouterError);
  return {
    frameworkErrors(error: Error, request: object, reply: object): void {
      const facts = fastifyPlatform.facts(request, reply, traceIdOf(request));
      fastifyPlatform.write(reply, path.answer(error, facts));
    },
    routerOptions: { maxParamLength: 64 * 1024 },
  };
}
