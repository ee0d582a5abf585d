import {
  type NodeResponseLike,
  nodeRequestFacts,
  readJsonBody,
  writeNodeAnswer,
} from "@error-contract/core/node";
import { takesNoBody } from "./bodiless-method.js";
import type { NestPlatform } from "./platform.js";

type Headers = Record<string, string | number | string[] | undefined>;
interface Reply {
  raw: NodeResponseLike;
  getHeaders(): Headers;
  removeHeader(name: string): unknown;
  code(status: number): Reply;
  headers(headers: Record<string, string>): Reply;
  send(body: string): unknown;
}
type Parser = (
  request: { headers: Record<string, string | undefined>; method: string; is404: boolean },
  payload: AsyncIterable<Uint8Array>,
) => Promise<unknown>;
interface Fastify {
  addHook(name: "onRequest", hook: (request: object, reply: Reply, done: () => void) => void): unknown;
  removeContentTypeParser(type: string): unknown;
  addContentTypeParser(type: string | RegExp, parser: Parser): unknown;
}

// `application/<anything>+json`, with or without parameters (Fastify tests the normalized type).
const SUFFIX_JSON = /^application\/[^\s;/]+\+json(?:;|$)/;
const raw = <T>(value: object): T => ((value as { raw?: T }).raw ?? value) as T;
// Nest middleware on Fastify gets Node's own request and response, handlers Fastify's wrappers.
const replyOf = (response: object): Reply | undefined =>
  "raw" in response ? (response as Reply) : undefined;

/** Fastify wraps Node's request and response (`request.raw`, `reply.raw`). */
export const fastifyPlatform: NestPlatform = {
  facts(request, response, traceId) {
    const facts = nodeRequestFacts(raw(request), raw(response), traceId);
    return {
      ...facts,
      earlierHeaders: { ...(facts.earlierHeaders as Headers), ...replyOf(response)?.getHeaders() },
    };
  },
  headersSent: (response) => raw<NodeResponseLike>(response).headersSent,
  abort: (response) => raw<NodeResponseLike>(response).destroy(),
  write(response, answer) {
    const reply = replyOf(response);
    if (!reply) return writeNodeAnswer(response as NodeResponseLike, answer);
    for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
    for (const name of reply.raw.getHeaderNames()) reply.raw.removeHeader(name);
    reply.code(answer.status).headers(answer.headers).send(answer.body);
  },
  // A native onRequest hook reaches every response (404s too) at a fraction of the cost of a
  // Nest middleware on Fastify (measured: 0.87 against 0.71 of a bare app's throughput).
  nativeTraceId: true,
  setup(adapter, traceIdOf) {
    (adapter.getInstance() as Fastify).addHook("onRequest", (request, reply, done) => {
      reply.headers({ "X-Request-Id": traceIdOf(request) });
      done();
    });
  },
  useJsonBody(app, limit) {
    const fastify = app.getHttpAdapter().getInstance() as Fastify;
    // Nest's useBodyParser marks the parsers as registered (Nest then adds none of its own) but
    // has Fastify read the body, where its errors would be born in Fastify's words (and Nest
    // makes them HttpExceptions): replaced by a parser where each failure is core's from the start.
    (app as unknown as { useBodyParser(type: string): unknown }).useBodyParser("application/json");
    fastify.removeContentTypeParser("application/json");
    // Routing comes before the body: a request no route matched (Nest's 404 handler is a Fastify
    // route) and a method that takes no body (GET, HEAD, DELETE) have their body ignored, unread.
    const parse: Parser = async (request, payload) =>
      request.is404 || takesNoBody(request.method)
        ? undefined
        : readJsonBody(request.headers, payload, limit);
    fastify.addContentTypeParser("application/json", parse);
    fastify.addContentTypeParser(SUFFIX_JSON, parse);
  },
};
