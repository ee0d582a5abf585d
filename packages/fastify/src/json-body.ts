import type { IncomingMessage } from "node:http";
import { jsonRequestFailure, requestBodyError } from "@error-contract/core/adapter";
import { readJsonBody } from "@error-contract/core/node";
import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from "fastify";

// The JSON body limit of the request's route; 0 for a route that takes no body (or no route).
const LIMIT = Symbol("@error-contract/fastify: JSON body limit");
type Limited = FastifyRequest & { [LIMIT]: number };

/**
 * Fastify's body parsing with the contract's rules, read by core's reader. A route with a body
 * schema refuses, before the body is read, what its headers already refuse (content coding, not
 * JSON, not UTF-8, no body), and parses its JSON within its limit (the route's `bodyLimit`, else
 * `bodyLimit`, else the server's), enforced while the body streams in. A route without one takes
 * no body: whatever it is sent is left unread (`request.body` is undefined), as is the body of a
 * request no route matched, so routing comes before the body.
 */
export function useJsonBody(fastify: FastifyInstance, bodyLimit: number | undefined): void {
  fastify.decorateRequest(LIMIT, 0);
  // Only routes that take a body pay for a hook: the others (GET, the 404 handler) run none.
  fastify.addHook("onRoute", (route) => {
    if ((route.schema as { body?: unknown } | undefined)?.body === undefined) return;
    // Fastify fills `initialConfig.bodyLimit` with its default when the server was given none.
    const limit = route.bodyLimit ?? bodyLimit ?? (fastify.initialConfig.bodyLimit as number);
    const takesBody: preParsingHookHandler = (request, _reply, payload, done) => {
      (request as Limited)[LIMIT] = limit;
      const failure = jsonRequestFailure(request.headers);
      done(failure === undefined ? null : requestBodyError(failure), payload);
    };
    route.preParsing = [takesBody, ...[route.preParsing ?? []].flat()];
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser("*", async (request: FastifyRequest, payload: IncomingMessage) => {
    const limit = (request as Limited)[LIMIT];
    if (limit === 0) return undefined;
    const body = await readJsonBody(request.headers, payload, limit);
    if (body === undefined) throw requestBodyError("empty_body");
    return body;
  });
}
