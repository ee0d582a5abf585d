import { ApiError } from "./api-error.js";
import { renderError } from "./render.js";
import { type ErrorStatus, reasonPhrase } from "./status-codes.js";
import { generateTraceId } from "./trace-id.js";

/** Node's response in progress on a socket (`socket._httpMessage`), as far as the edge reads it. */
export interface InFlightResponse {
  readonly headersSent?: boolean;
  readonly writableFinished?: boolean;
  /** The request it answers; `complete` is false while its body is still arriving. */
  readonly req?: { readonly complete?: boolean } | null;
  once(event: "finish" | "close", listener: () => void): unknown;
}

/** The part of a Node-compatible socket (Node, Bun, Deno's node:http) a client-error handler writes to. */
export interface ClientErrorSocket {
  readonly writable: boolean;
  /** Node's response in progress on this socket, if any. */
  readonly _httpMessage?: InFlightResponse | null;
  end(data: string): unknown;
  destroy(): unknown;
}

const UTF8 = new TextEncoder();

// Node's HTTP parser codes for requests it refuses before any route sees them.
const STATUS_BY_CODE: Readonly<Record<string, 408 | 413 | 431>> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

// Node calls the handler again for every later chunk of a connection its parser gave up on.
const refused = new WeakSet<object>();

/**
 * For requests the HTTP parser refuses (an unknown method, headers over the size limit, a
 * malformed request line or length, a timeout): the contract's answer, written on the socket,
 * then the close. A valid request answered before on the same connection (pipelining) gets its
 * answer out whole first: the refusal waits for it. Node's default answers a body-less 400 and
 * cuts an answer in flight; Fastify's a JSON body outside the contract.
 * `server.on("clientError", answerClientError)` on a Node HTTP server (or `answerHttpEdge(server)`),
 * `new FastifyAdapter({ clientErrorHandler: answerClientError })` on Fastify.
 */
export function answerClientError(error: Error & { code?: unknown }, socket: ClientErrorSocket): void {
  try {
    if (refused.has(socket)) return;
    refused.add(socket);
    if (error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const status =
      (typeof error.code === "string" &&
        Object.hasOwn(STATUS_BY_CODE, error.code) &&
        STATUS_BY_CODE[error.code]) ||
      400;
    writeAfterInFlight(socket, () => rawAnswer(new ApiError({ status, cause: error }), generateTraceId()));
  } catch {
    socket.destroy();
  }
}

/**
 * Writes a raw answer on `socket` and closes it, once the answers in flight before it went out
 * whole. A response whose own request is still incomplete is the one being refused: the answer
 * replaces it if none of it was written yet, else the connection is cut.
 */
export function writeAfterInFlight(socket: ClientErrorSocket, answer: () => string): void {
  try {
    const inFlight = socket._httpMessage;
    if (inFlight && inFlight.writableFinished !== true && inFlight.req?.complete !== false) {
      let settled = false;
      const next = () => {
        if (settled) return;
        settled = true;
        // Node hands the socket to the next queued response on "finish": wait for that one too.
        queueMicrotask(() => writeAfterInFlight(socket, answer));
      };
      inFlight.once("finish", next);
      inFlight.once("close", next);
      return;
    }
    if (!socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    socket.end(answer());
  } catch {
    socket.destroy();
  }
}

/** An error as a whole HTTP/1.1 response (head and body) that closes the connection. */
export function rawAnswer(error: ApiError, traceId: string, bodyless = false): string {
  const rendered = renderError(error, { traceId });
  const status: ErrorStatus = rendered.status;
  const head = [
    `HTTP/1.1 ${status} ${reasonPhrase(status)}`,
    ...Object.entries(rendered.headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${UTF8.encode(rendered.body).length}`,
    "Connection: close",
  ];
  return `${head.join("\r\n")}\r\n\r\n${bodyless ? "" : rendered.body}`;
}
