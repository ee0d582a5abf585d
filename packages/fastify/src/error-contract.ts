import { notFound } from "@error-contract/core";
import { type ContractOptions, createErrorPath, type ErrorPath } from "@error-contract/core/adapter";
import { answerClientError } from "@error-contract/core/node";
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type FastifyErrorRequest, recogniseFastifyError } from "./fastify-errors.js";
import { useJsonBody } from "./json-body.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The request's trace id, set by the plugin's `onRequest` hook. */
    traceId?: string;
  }
}

export interface ErrorContractOptions extends ContractOptions {
  /** Largest JSON request body in bytes (the server's `bodyLimit` by default); larger is a 413. */
  bodyLimit?: number | undefined;
}

const send = (
  path: ErrorPath<FastifyErrorRequest>,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) => {
  const raw = request.raw;
  const answer = path.answer(thrown, {
    request,
    method: raw.method ?? request.method,
    path: raw.url ?? request.url,
    headers: raw.headers,
    traceId: request.traceId,
    earlierHeaders: reply.getHeaders(),
    aborted: () => raw.readableAborted,
    httpVersionMajor: raw.httpVersionMajor,
  });
  for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
};

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
  fastify.decorateRequest("traceId", undefined);
  fastify.addHook("onRequest", (request, reply, next) => {
    request.traceId = path.resolveTraceId(request.raw.headers);
    reply.header("X-Request-Id", request.traceId);
    next();
  });
  useJsonBody(fastify, options.bodyLimit);
  fastify.setNotFoundHandler((request, reply) => send(path, notFound(), request, reply));
  fastify.setErrorHandler((thrown, request, reply) => {
    if (!reply.raw.headersSent) return send(path, thrown, request, reply);
    path.abandon(thrown, {
      request,
      method: request.method,
      path: request.url,
      headers: request.raw.headers,
    });
    reply.raw.destroy();
  });
  done();
};

/**
 * The error contract as a Fastify plugin (`fastify-plugin`: it applies to the instance it is
 * registered on and every plugin after it): trace ids, the error and not-found handlers, and
 * the JSON body parser. `app.register(errorContract, { format: "negotiate" })`.
 */
export const errorContract = fp(plugin, { name: "@error-contract/fastify", fastify: "4.x || 5.x" });
