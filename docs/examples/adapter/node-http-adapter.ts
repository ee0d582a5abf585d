// An adapter for a tiny "framework" on node:http, whole: it recognises the framework's own
// exception and its body parser's error, hands everything to core's error path, and writes.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { notFound } from "@error-contract/core";
import {
  type ContractOptions,
  createErrorPath,
  fromHttpException,
  requestBodyError,
} from "@error-contract/core/adapter";
import {
  answerHttpEdge,
  nodeRequestFacts,
  nodeTraceId,
  respondOnNode,
  traceIdMiddleware,
} from "@error-contract/core/node";

/** The framework's own HTTP exception (as Hono's HTTPException or Nest's HttpException). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the framework's body parser throws on broken JSON. */
export class BodySyntaxError extends SyntaxError {}

export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export function errorContract(options: ContractOptions = {}) {
  // The recogniser: the framework's exceptions as core's errors, nothing else (undefined).
  const path = createErrorPath(options, (thrown) => {
    if (thrown instanceof HttpError)
      return fromHttpException(thrown.status, { message: thrown.message, cause: thrown });
    if (thrown instanceof BodySyntaxError) return requestBodyError("malformed_json", thrown);
    return undefined;
  });
  return (handler: Handler): Handler =>
    async (request, response) => {
      // The trace id, kept on the request, and X-Request-Id on every answer, success included.
      traceIdMiddleware(request, response, () => {});
      try {
        await handler(request, response);
      } catch (thrown) {
        // Core decides status, body and headers; respondOnNode writes them, or abandons the
        // response (reported once, destroyed) when its headers went out already.
        respondOnNode(path, thrown, nodeRequestFacts(request, response, nodeTraceId(request)), response);
      }
    };
}

const withContract = errorContract({ format: "negotiate" });
const server = createServer(
  withContract((request, response) => {
    if (request.url === "/teapot") throw new HttpError(418, "I'm a teapot");
    if (request.url === "/boom") throw new Error("S3CRET: never sent to the client");
    if (request.url !== "/") throw notFound();
    response.end("hello");
  }),
);
answerHttpEdge(server); // what Node's HTTP layer refuses by itself gets the contract too
server.listen(Number(process.argv[2] ?? 3000), "127.0.0.1"); // node node-http-adapter.js 3000
