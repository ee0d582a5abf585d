import { ApiError } from "./api-error.js";
import { answerClientError, type ClientErrorSocket, rawAnswer, writeAfterInFlight } from "./client-error.js";
import { renderError } from "./render.js";
import { resolveTraceId } from "./trace-id.js";

/** The request facts of Node's `IncomingMessage` the edge reads. */
export interface EdgeRequest {
  readonly method?: string | undefined;
  readonly httpVersionMajor: number;
  readonly httpVersionMinor: number;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The part of Node's `ServerResponse` the edge writes. */
export interface EdgeResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

/** The part of a Node `http.Server` (Node, Bun, Deno's node:http) the edge hooks. */
export interface EdgeServer {
  requireHostHeader?: boolean;
  on(event: "clientError", listener: (error: Error, socket: ClientErrorSocket) => void): unknown;
  on(event: "checkExpectation", listener: (request: EdgeRequest, response: EdgeResponse) => void): unknown;
  on(event: "connect", listener: (request: EdgeRequest, socket: ClientErrorSocket) => void): unknown;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

const UTF8 = new TextEncoder();

// RFC 9112 section 3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host header field.
const missingHost = () => new ApiError({ status: 400, message: "The request has no Host header" });
// RFC 9110 section 10.1.1: an expectation the server cannot meet is a 417.
const expectationFailed = () =>
  new ApiError({ status: 417, message: "The only expectation this server meets is 100-continue" });
// CONNECT asks for a tunnel, which this server does not serve: its target is no path here.
const noTunnel = () => new ApiError({ status: 404, message: "This server opens no tunnels" });

function lacksHost(request: EdgeRequest): boolean {
  return (
    request.httpVersionMajor === 1 && request.httpVersionMinor === 1 && request.headers.host === undefined
  );
}

function answer(request: EdgeRequest, response: EdgeResponse, error: ApiError): void {
  const rendered = renderError(error, { traceId: resolveTraceId(request.headers) });
  response.writeHead(rendered.status, {
    ...rendered.headers,
    "Content-Length": String(UTF8.encode(rendered.body).length),
    Connection: "close",
  });
  response.end(request.method === "HEAD" ? undefined : rendered.body);
}

/**
 * Makes what Node's HTTP layer answers by itself answer with the contract: requests its parser
 * refuses (400/431, then the close) and timeouts (408), without waiting out or cutting an
 * answer in flight on the same connection; HTTP/1.1 without `Host` (400); an `Expect` other
 * than `100-continue` (417 `client_error`); CONNECT (404, then the close: no tunnels here).
 * Call it once on the server, before it listens, whatever framework answers its requests.
 */
export function answerHttpEdge<S extends EdgeServer>(server: S): S {
  server.on("clientError", answerClientError);
  server.on("checkExpectation", (request, response) =>
    answer(request, response, lacksHost(request) ? missingHost() : expectationFailed()),
  );
  server.on("connect", (request, socket) =>
    writeAfterInFlight(socket, () => rawAnswer(noTunnel(), resolveTraceId(request.headers))),
  );
  // Node's own Host check answers a bare 400; this one answers the contract before any listener runs.
  server.requireHostHeader = false;
  const emit = server.emit;
  server.emit = function emitWithHostCheck(this: S, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" && lacksHost(args[0] as EdgeRequest)) {
      answer(args[0] as EdgeRequest, args[1] as EdgeResponse, missingHost());
      return true;
    }
    return emit.call(this, event, ...args);
  };
  return server;
}
