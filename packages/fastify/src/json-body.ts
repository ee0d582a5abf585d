import { jsonRequestFailure, parseJsonBody, requestBodyError } from "@error-contract/core/adapter";
import type { FastifyInstance, FastifyRequest } from "fastify";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A route takes a body when it declares a body schema. */
const takesBody = (request: FastifyRequest): boolean =>
  (request.routeOptions as { schema?: { body?: unknown } }).schema?.body !== undefined;

/**
 * Fastify's body parsing with the contract's rules. A route with a body schema refuses, before
 * the body is read, what its headers already refuse (content coding, not JSON, not UTF-8, an
 * empty body), and parses its JSON within `bodyLimit` (enforced while the body streams in). A
 * route without one takes no body: whatever it is sent is ignored (`request.body` is undefined),
 * as is the body of a request no route matched, so routing comes before the body.
 */
export function useJsonBody(fastify: FastifyInstance, bodyLimit: number | undefined): void {
  fastify.addHook("preParsing", (request, _reply, payload, done) => {
    const failure = takesBody(request) ? jsonRequestFailure(request.headers) : undefined;
    done(failure === undefined ? null : requestBodyError(failure), payload);
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    "*",
    { parseAs: "buffer", ...(bodyLimit && { bodyLimit }) },
    (request, body, done) => {
      if (!takesBody(request)) return done(null, undefined);
      let text: string;
      try {
        text = utf8.decode(body as Buffer);
      } catch (thrown) {
        return done(requestBodyError("malformed_json", thrown));
      }
      try {
        done(null, parseJsonBody(text));
      } catch (thrown) {
        done(thrown as Error);
      }
    },
  );
}
