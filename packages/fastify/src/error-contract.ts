import { notFound } from "@error-contract/core";
import { type ContractOptions, createErrorPath, type ErrorPath } from "@error-contract/core/adapter";
import {
  answerClientError,
  nodeRequestFacts,
  nodeTraceId,
  respondOnReply,
  traceIdMiddleware,
} from "@error-contract/core/node";
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type FastifyErrorRequest, recogniseFastifyError } from "./fastify-errors.js";
import { useJsonBody } from "./json-body.js";

export interface ErrorContractOptions extends ContractOptions {
  /** Largest JSON request body in bytes (the server's `bodyLimit` by default); larger is a 413. */
  bodyLimit?: number | undefined;
}

/**
 * Answers `thrown` with the contract through the reply (Fastify's hooks run); past the headers,
 * reports it and drops the connection.
 */
function send(
  path: ErrorPath<FastifyErrorRequest>,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  // The reply keeps its headers apart from Node's response until it is sent: both are read.
  const facts = nodeRequestFacts(request.raw, reply, nodeTraceId(request.raw));
  respondOnReply(path, thrown, { ...facts, request }, reply);
}

/**
 * Options for `Fastify({...})`: bad URLs answered with the contract (`frameworkErrors`), a path
 * parameter of any length matched like any other (Fastify 5's `routerOptions`; on Fastify 4 set
 * `maxParamLength` yourself), and what Node's parser refuses answered too.
 */
export function serverOptions(options: ContractOptions = {}) {
  const path = createErrorPath(options, recogniseFastifyError);
  return {
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      send(path, error, request, reply),
    routerOptions: { maxParamLength: 64 * 1024 },
    clientErrorHandler: answerClientError,
  };
}

const plugin: FastifyPluginCallback<ErrorContractOptions> = (fastify, options, done) => {
  const path = createErrorPath(options, recogniseFastifyError);
  fastify.addHook("onRequest", traceIdMiddleware);
  useJsonBody(fastify, options.bodyLimit);
  // One error for every router miss: no stack captured per request (nothing else sees it).
  const routeMissing = notFound();
  fastify.setNotFoundHandler((request, reply) => send(path, routeMissing, request, reply));
  fastify.setErrorHandler((thrown, request, reply) => send(path, thrown, request, reply));
  done();
};

/**
 * The error contract as a Fastify plugin (`fastify-plugin`: it applies to the instance it is
 * registered on and every plugin after it): trace ids, the error and not-found handlers, and
 * the JSON body parser. `app.register(errorContract, { format: "negotiate" })`.
 */
export const errorContract = fp(plugin, { name: "@error-contract/fastify", fastify: "4.x || 5.x" });
