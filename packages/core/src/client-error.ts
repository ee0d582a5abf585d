import { ApiError } from "./api-error.js";
import { renderError } from "./render.js";
import { reasonPhrase } from "./status-codes.js";
import { generateTraceId } from "./trace-id.js";

/** The part of a Node-compatible socket (Node, Bun, Deno's node:http) a client-error handler writes to. */
export interface ClientErrorSocket {
  readonly writable: boolean;
  /** Node's response in progress on this socket, if any. */
  readonly _httpMessage?: { readonly headersSent?: boolean } | null;
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

/**
 * For requests the HTTP parser refuses (an unknown method, headers over the size limit, a
 * malformed request line or length): the contract's answer, written on the socket, then the
 * close. Node's default answers a body-less 400; Fastify's a JSON body outside the contract.
 * `server.on("clientError", answerClientError)` on a Node HTTP server (@hono/node-server's,
 * Express's), `new FastifyAdapter({ clientErrorHandler: answerClientError })` on Fastify.
 */
export function answerClientError(error: Error & { code?: unknown }, socket: ClientErrorSocket): void {
  try {
    // A reset, a socket gone, or a response already under way (an answer would corrupt it).
    if (error.code === "ECONNRESET" || !socket.writable || socket._httpMessage?.headersSent === true) {
      socket.destroy();
      return;
    }
    const status =
      (typeof error.code === "string" &&
        Object.hasOwn(STATUS_BY_CODE, error.code) &&
        STATUS_BY_CODE[error.code]) ||
      400;
    const rendered = renderError(new ApiError({ status, cause: error }), { traceId: generateTraceId() });
    const head = [
      `HTTP/1.1 ${status} ${reasonPhrase(status)}`,
      ...Object.entries(rendered.headers).map(([name, value]) => `${name}: ${value}`),
      `Content-Length: ${UTF8.encode(rendered.body).length}`,
      "Connection: close",
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${rendered.body}`);
  } catch {
    socket.destroy();
  }
}
